// libFuzzer target: catalog loading. The input is catalog text; a catalog
// that loads is also described and checked (its examples run quote and
// compare on whatever the fuzzer built), so evaluation on odd but valid
// catalogs is covered too.
#include <cstddef>
#include <cstdint>
#include <string>

#include "harness.hpp"
#include "plancalc/api/api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  plancalc::api::Engine engine(text);
  plancalc_fuzz::check_response("catalog status", engine.status());
  if (engine.ok()) {
    plancalc_fuzz::check_response("describe on a fuzzed catalog", engine.call("describe", "{}"));
    plancalc_fuzz::check_response("check on a fuzzed catalog", engine.call("check", "{}"));
  }
  return 0;
}
