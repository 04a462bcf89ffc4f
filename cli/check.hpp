// What `plancalc check` is given: catalogs, and the other JSON files that sit
// beside them in plans/ (the list of catalogs, the catalog JSON Schema), told
// apart by their content, not their names; and a directory's catalogs as its
// index.json lists them.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace plancalc::cli {

enum class FileKind {
  catalog,       // anything else: the engine validates it (and rejects what is no catalog)
  catalog_list,  // an index.json: {"catalogs": [{"file": ...}, ...]}
  json_schema,   // a JSON Schema: a "$schema" key, none of a catalog's own keys
};

FileKind file_kind(const std::string& text);

// Why a file of that kind is skipped: "plans/index.json is the list of
// catalogs, not a catalog".
std::string skip_reason(FileKind kind, const std::string& file);

// The catalog files that a directory's index.json names, as paths under the
// directory ("plans/" + "mailstore.json"). Throws std::invalid_argument, with
// a message for the user, when the index is missing or not a list of files.
std::vector<std::string> listed_catalogs(const std::string& dir);

}  // namespace plancalc::cli
