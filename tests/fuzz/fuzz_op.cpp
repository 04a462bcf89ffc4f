// libFuzzer target for one operation, built once per line of ops.txt with
// PLANCALC_FUZZ_OP set to the op's name (fuzz_quote, fuzz_compare, ...); the
// replay build takes the op from the command line instead.
//
// Input: byte 0 picks one of the shipped catalogs (plans/index.json order,
// modulo their count); the rest is the request text, parsed and evaluated by
// the real api::Engine::call.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "harness.hpp"
#include "plancalc/api/api.hpp"

namespace {

#ifdef PLANCALC_FUZZ_OP
const char* fuzz_op() { return PLANCALC_FUZZ_OP; }
#else
}  // namespace
// The replay build (replay_main.cpp) is one executable for every op: it sets
// the op from its --op=NAME argument.
extern "C" const char* plancalc_replay_op;
namespace {
const char* fuzz_op() { return plancalc_replay_op; }
#endif

const std::vector<std::unique_ptr<plancalc::api::Engine>>& engines() {
  static const auto all = [] {
    std::vector<std::unique_ptr<plancalc::api::Engine>> out;
    for (const std::string& text : plancalc_fuzz::catalog_texts()) {
      out.push_back(std::make_unique<plancalc::api::Engine>(text));
      if (!out.back()->ok()) {
        plancalc_fuzz::violation("shipped catalog", "does not load", out.back()->status());
      }
    }
    return out;
  }();
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& all = engines();
  const plancalc::api::Engine& engine = *all[data[0] % all.size()];
  std::string request(reinterpret_cast<const char*>(data) + 1, size - 1);
  plancalc_fuzz::check_response(fuzz_op(), engine.call(fuzz_op(), request));
  return 0;
}
