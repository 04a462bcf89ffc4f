// Embind bindings only: the JS name of each member of the engine's wasm face
// (text_buffers.hpp), and its one call made as a plain export. No logic
// here; web/plancalc.js turns the JSON text responses into objects and errors.
#include <emscripten/bind.h>
#include <emscripten/em_macros.h>

#include <cstddef>

#include "text_buffers.hpp"

EMSCRIPTEN_BINDINGS(plancalc) {
  using plancalc::wasm::TextBuffers;
  emscripten::class_<TextBuffers>("Engine")
      .constructor<std::string>()
      .function("ok", &TextBuffers::ok)
      .function("status", &TextBuffers::status)
      .function("call", &TextBuffers::call)
      .function("input", &TextBuffers::input)
      .function("result", &TextBuffers::result)
      .function("address", &TextBuffers::address);
}

// TextBuffers::run, called from JS as Module._plancalc_run(address, ...).
extern "C" EMSCRIPTEN_KEEPALIVE void plancalc_run(plancalc::wasm::TextBuffers* engine, std::size_t length,
                                                  std::size_t op_length) {
  engine->run(length, op_length);
}
