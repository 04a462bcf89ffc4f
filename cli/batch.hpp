// `plancalc batch`: NDJSON requests on stdin, one NDJSON response per line on
// stdout, each request naming its operation in "op".
#pragma once

#include <string>

namespace plancalc::cli {

// Answers every line of standard input with one line of standard output, in
// order (line N out answers line N in). Memory stays bounded whatever the
// input's length: lines are read through a fixed buffer, and a line longer
// than the engine's request limit is answered with input_too_large and
// skipped without being held. Returns the exit code: 0 when every line was
// answered (error responses included), 1 when the catalog is rejected or
// stdin/stdout fail.
int batch(const std::string& catalog_text, const std::string& catalog_label);

}  // namespace plancalc::cli
