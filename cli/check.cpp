#include "check.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace plancalc::cli {
namespace {

using json = nlohmann::json;

// Keys every catalog has (docs/catalog.md); a file with any of them is read
// as a catalog, so that a catalog with a stray key still gets the engine's
// own error for it.
bool has_catalog_keys(const json& doc) {
  for (const char* key : {"format", "vendor", "currency", "tiers", "plans"}) {
    if (doc.contains(key)) return true;
  }
  return false;
}

bool is_catalog_list(const json& doc) {
  auto it = doc.find("catalogs");
  if (it == doc.end() || !it->is_array()) return false;
  for (const auto& entry : *it) {
    if (!entry.is_object() || !entry.contains("file") || !entry["file"].is_string()) return false;
  }
  return true;
}

}  // namespace

FileKind file_kind(const std::string& text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || has_catalog_keys(doc)) return FileKind::catalog;
  if (is_catalog_list(doc)) return FileKind::catalog_list;
  if (doc.contains("$schema") && doc["$schema"].is_string()) return FileKind::json_schema;
  return FileKind::catalog;
}

std::string skip_reason(FileKind kind, const std::string& file) {
  if (kind == FileKind::catalog_list) return file + " is the list of catalogs, not a catalog";
  if (kind == FileKind::json_schema) return file + " is a JSON Schema, not a catalog";
  return "";
}

std::vector<std::string> listed_catalogs(const std::string& dir) {
  const std::filesystem::path index = std::filesystem::path(dir) / "index.json";
  std::ifstream in(index, std::ios::binary);
  if (!in) throw std::invalid_argument(dir + " is a directory without an index.json listing its catalogs");
  std::ostringstream text;
  text << in.rdbuf();
  json doc = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || !is_catalog_list(doc)) {
    throw std::invalid_argument(index.string() +
                                " is not a list of catalogs ({\"catalogs\": [{\"file\": \"name.json\"}, ...]})");
  }
  std::vector<std::string> files;
  for (const auto& entry : doc["catalogs"]) {
    files.push_back((std::filesystem::path(dir) / entry["file"].get<std::string>()).string());
  }
  return files;
}

}  // namespace plancalc::cli
