// The engine as the page calls it: request text written by JS straight into a
// buffer of wasm memory (TextEncoder.encodeInto) and the response read by JS
// from wasm memory (TextDecoder). Embind's std::string
// conversions walk every byte in JS, twice for a result; on a small operation
// that cost more than the engine's own work (docs/performance.md). No logic
// here: every answer is api::Engine::call's, byte for byte.
#pragma once

#include <emscripten/val.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <string>
#include <string_view>

#include "plancalc/api/api.hpp"
#include "plancalc/api/memory_reserve.hpp"

namespace plancalc::wasm {

class TextBuffers {
 public:
  // Every entry holds the memory reserve first (memory_reserve.hpp): when the
  // page's memory is exhausted, a call answers out_of_memory instead of
  // throwing a C++ exception into JavaScript.
  explicit TextBuffers(const std::string& catalog_json) : engine_((reserve(), catalog_json)) {}

  bool ok() const { return engine_.ok(); }
  std::string status() const { return engine_.status(); }
  // The plain path: JS strings through Embind (kept for text the fast path
  // does not take: a long one, or one that is not well-formed UTF-16).
  // Through the same call as run() (one copy of the engine's call in the
  // module, not two), into a buffer of its own.
  std::string call(const std::string& op, const std::string& request_json) const {
    reserve();
    return engine_.call(op, request_json);
  }

  // A Uint8Array over an input buffer of at least `bytes` bytes, up to
  // kMaxInputBytes (a longer request takes the plain path: a buffer kept per
  // engine stays small, so it cannot fragment the heap for the big ones).
  // Valid until wasm memory grows; JS asks again when its view is detached.
  emscripten::val input(std::size_t bytes) {
    if (bytes > kMaxInputBytes) bytes = kMaxInputBytes;
    reserve();
    try {
      if (input_.size() < bytes) input_.resize(bytes);
    } catch (const std::bad_alloc&) {
      // The buffer as it was: too small, so JS takes the plain path, whose
      // call answers out_of_memory if memory is still short.
    }
    return bytes_view(input_);
  }

  // Runs the operation named by the `op_length` bytes after the first
  // `length` bytes of the input buffer on those bytes. Where its response is
  // goes into the two words at result(): the response's address and length
  // in bytes; valid until the next call. Called as a plain export (plancalc_run, bindings.cpp): Embind's
  // generic invoker and its std::string conversion of the op cost as much as
  // a small operation. Both buffers only grow: after the first calls neither
  // moves, so they cannot fragment the heap (tests/parity/stability.test.mjs).
  void run(std::size_t length, std::size_t op_length) {
    if (length > input_.size()) length = input_.size();
    if (op_length > input_.size() - length) op_length = input_.size() - length;
    std::string_view op(input_.data() + length, op_length);
    reserve();
    engine_.call(op, std::string_view(input_.data(), length), response_);
    result_[0] = reinterpret_cast<std::uintptr_t>(response_.data());
    result_[1] = response_.size();
  }
  // The address of the two words run() fills in (it does not move).
  std::uintptr_t result() const { return reinterpret_cast<std::uintptr_t>(result_); }
  // This engine, for plancalc_run.
  std::uintptr_t address() const { return reinterpret_cast<std::uintptr_t>(this); }

  static constexpr std::size_t kMaxInputBytes = 64 * 1024;

 private:
  static_assert(sizeof(std::uintptr_t) == sizeof(std::uint32_t), "JS reads the result as 32-bit words (wasm32)");

  // unsigned char: a Uint8Array, which TextEncoder.encodeInto requires (char would give an Int8Array).
  static void reserve() { api::hold_memory_reserve(api::kRequestReserveBytes); }
  static emscripten::val bytes_view(std::string& s) {
    return emscripten::val(
        emscripten::typed_memory_view(s.size(), reinterpret_cast<const unsigned char*>(s.data())));
  }

  api::Engine engine_;
  std::string input_;
  std::string response_;
  std::uintptr_t result_[2] = {};
};

}  // namespace plancalc::wasm
