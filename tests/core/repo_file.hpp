// Reads a file of the repository (plans/*.json, docs/*.md) for a test.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace plancalc::testing {

inline std::string read_repo_file(const std::string& path) {
  std::ifstream in(std::string(PLANCALC_SOURCE_DIR) + "/" + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace plancalc::testing
