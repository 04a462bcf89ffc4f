// Embind bindings only: the JS name of each api::Engine member. No logic here;
// web/plancalc.js turns the JSON text responses into objects and errors.
#include <emscripten/bind.h>

#include <string>

#include "plancalc/api.hpp"

EMSCRIPTEN_BINDINGS(plancalc) {
  emscripten::class_<plancalc::api::Engine>("Engine")
      .constructor<std::string>()
      .function("ok", &plancalc::api::Engine::ok)
      .function("status", &plancalc::api::Engine::status)
      .function("call", &plancalc::api::Engine::call);
}
