// Shared by the libFuzzer targets (build/fuzz, clang, -fsanitize=fuzzer) and
// by their replay driver (replay_main.cpp, any compiler), so a regression
// input is checked by exactly the code that found it.
//
// Besides "no crash, no sanitizer report, no hang" every response is checked
// against the API contract (docs/api.md, docs/errors.md):
//   - it is one JSON object {"ok": true, "result": {...}} or
//     {"ok": false, "error": {code, message, path, source}};
//   - an error code is documented in docs/errors.md and is never
//     internal_error (an exception the engine did not expect is a bug);
//   - path is "" or a JSON Pointer, source is "request" or "catalog".
// A violation prints the response and aborts, which libFuzzer reports as a
// crash and saves the input.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#ifndef PLANCALC_SOURCE_DIR
#error "PLANCALC_SOURCE_DIR must name the repository root"
#endif

namespace plancalc_fuzz {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzz harness: cannot read %s\n", path.c_str());
    std::abort();
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string source_path(const std::string& relative) {
  return std::string(PLANCALC_SOURCE_DIR) + "/" + relative;
}

// The shipped catalogs, in plans/index.json order (new catalogs are appended
// there, so the first input byte keeps selecting the same catalog).
inline const std::vector<std::string>& catalog_texts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    auto index = nlohmann::json::parse(read_file(source_path("plans/index.json")));
    for (const auto& entry : index.at("catalogs")) {
      out.push_back(read_file(source_path("plans/" + entry.at("file").get<std::string>())));
    }
    if (out.empty()) {
      std::fprintf(stderr, "fuzz harness: plans/index.json lists no catalog\n");
      std::abort();
    }
    return out;
  }();
  return texts;
}

// The codes listed in docs/errors.md: table rows that start with "| `code` |".
inline const std::set<std::string>& documented_codes() {
  static const std::set<std::string> codes = [] {
    std::set<std::string> out;
    std::istringstream doc(read_file(source_path("docs/errors.md")));
    for (std::string line; std::getline(doc, line);) {
      if (line.rfind("| `", 0) != 0) continue;
      auto end = line.find('`', 3);
      if (end != std::string::npos) out.insert(line.substr(3, end - 3));
    }
    return out;
  }();
  return codes;
}

[[noreturn]] inline void violation(const char* what, const std::string& why,
                                   const std::string& response) {
  std::fprintf(stderr, "\n%s: contract violation: %s\nresponse (first 2000 bytes): %.2000s\n", what,
               why.c_str(), response.c_str());
  std::abort();
}

// Checks one response text against the contract above; aborts on violation.
inline void check_response(const char* what, const std::string& response) {
  auto doc = nlohmann::json::parse(response, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) violation(what, "not a JSON object", response);
  auto ok = doc.find("ok");
  if (ok == doc.end() || !ok->is_boolean()) violation(what, "no boolean \"ok\"", response);
  if (ok->get<bool>()) {
    auto result = doc.find("result");
    if (result == doc.end() || !result->is_object()) violation(what, "ok without a result object", response);
    return;
  }
  auto error = doc.find("error");
  if (error == doc.end() || !error->is_object()) violation(what, "not ok, without an error object", response);
  const auto& e = *error;
  for (const char* key : {"code", "message", "path", "source"}) {
    if (!e.contains(key) || !e[key].is_string()) {
      violation(what, std::string("error without a string \"") + key + "\"", response);
    }
  }
  std::string code = e["code"].get<std::string>();
  if (code == "internal_error") violation(what, "internal_error (an unexpected exception)", response);
  if (documented_codes().count(code) == 0) violation(what, "undocumented code " + code, response);
  std::string path = e["path"].get<std::string>();
  if (!path.empty() && path[0] != '/') violation(what, "path is not a JSON Pointer", response);
  std::string source = e["source"].get<std::string>();
  if (source != "request" && source != "catalog") violation(what, "source is " + source, response);
  if (e["message"].get<std::string>().empty()) violation(what, "empty message", response);
}

}  // namespace plancalc_fuzz
