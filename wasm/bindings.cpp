// Embind bindings only: the JS name of each member of the engine's wasm face
// (text_buffers.hpp). No logic here; web/plancalc.js turns the JSON text
// responses into objects and errors.
#include <emscripten/bind.h>

#include "text_buffers.hpp"

EMSCRIPTEN_BINDINGS(plancalc) {
  using plancalc::wasm::TextBuffers;
  emscripten::class_<TextBuffers>("Engine")
      .constructor<std::string>()
      .function("ok", &TextBuffers::ok)
      .function("status", &TextBuffers::status)
      .function("call", &TextBuffers::call)
      .function("input", &TextBuffers::input)
      .function("run", &TextBuffers::run)
      .function("result", &TextBuffers::result);
}
