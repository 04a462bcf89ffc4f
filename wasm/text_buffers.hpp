// The engine as the page calls it: request text written by JS straight into a
// buffer of wasm memory (TextEncoder.encodeInto) and the response handed back
// as a view of wasm memory (TextDecoder). Embind's std::string conversions
// walk every byte in JS, twice for a result; on a small operation that cost
// more than the engine's own work (docs/performance.md). No logic here: every
// answer is api::Engine::call's, byte for byte.
#pragma once

#include <emscripten/val.h>

#include <cstddef>
#include <string>

#include "plancalc/api.hpp"

namespace plancalc::wasm {

class TextBuffers {
 public:
  explicit TextBuffers(const std::string& catalog_json) : engine_(catalog_json) {}

  bool ok() const { return engine_.ok(); }
  std::string status() const { return engine_.status(); }
  // The plain path: JS strings through Embind (kept for text the fast path
  // does not take: a long one, or one that is not well-formed UTF-16).
  std::string call(const std::string& op, const std::string& request_json) const {
    return engine_.call(op, request_json);
  }

  // A Uint8Array over an input buffer of at least `bytes` bytes, up to
  // kMaxInputBytes (a longer request takes the plain path: a buffer kept per
  // engine stays small, so it cannot fragment the heap for the big ones).
  // Valid until wasm memory grows; JS asks again when its view is detached.
  emscripten::val input(std::size_t bytes) {
    if (bytes > kMaxInputBytes) bytes = kMaxInputBytes;
    if (input_.size() < bytes) input_.resize(bytes);
    return bytes_view(input_);
  }

  // Runs `op` on the first `length` bytes of the input buffer and returns a
  // Uint8Array over the response, valid until the next call. The response is
  // copied (not moved) into a buffer that only grows: after the first calls
  // no buffer of an engine moves, so they cannot fragment the heap.
  emscripten::val run(const std::string& op, std::size_t length) {
    if (length > input_.size()) length = input_.size();
    const std::string response = engine_.call(op, std::string(input_.data(), length));
    response_.assign(response.data(), response.size());
    return bytes_view(response_);
  }

  static constexpr std::size_t kMaxInputBytes = 64 * 1024;

 private:
  // unsigned char: a Uint8Array, which TextEncoder.encodeInto requires (char would give an Int8Array).
  static emscripten::val bytes_view(std::string& s) {
    return emscripten::val(
        emscripten::typed_memory_view(s.size(), reinterpret_cast<const unsigned char*>(s.data())));
  }

  api::Engine engine_;
  std::string input_;
  std::string response_;
};

}  // namespace plancalc::wasm
