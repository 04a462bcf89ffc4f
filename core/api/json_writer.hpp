// The one JSON writer of the engine's responses: compact JSON text into one
// growing buffer, keys in the order the caller writes them. Its bytes are
// exactly those nlohmann's dump() writes for the same values as an
// ordered_json tree (no ensure_ascii; strings escaped as dump() escapes them;
// a string that is not valid UTF-8 refused with dump()'s own message), which
// tests/core/json_writer_test.cpp checks against nlohmann.
//
// Why not an ordered_json tree and dump(): building the tree is one heap node
// per value. Copying and dumping the tree of a mailstore quote alone takes
// 11.4 us natively, where the whole call writing text takes 1.7 us; with a
// tree, plancalc batch could not answer 100,000 quotes a CPU second
// (docs/performance.md, "One JSON library").
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>
#include <type_traits>

#include "plancalc/calendar/calendar.hpp"
#include "plancalc/money/money.hpp"

// Natively a key literal is written inline where it is named (keys are most
// of what a response writes: 4 % of plancalc batch's instructions). In the
// WebAssembly module, whose size counts, it stays one function per key
// length: inlined at the hundreds of keys the writers name, it made the
// module 8 % larger.
#ifdef __EMSCRIPTEN__
#define PLANCALC_KEY_LITERAL_INLINING [[gnu::noinline]]
#else
#define PLANCALC_KEY_LITERAL_INLINING
#endif

namespace plancalc::json_writer {

// A string to write is not valid UTF-8. what() is the message of the
// type_error 316 nlohmann's dump() threw for it, so the api answers exactly
// as it did then (internal_error, "internal error: " + what()). The engine
// never makes such a string: catalogs and requests are parsed as UTF-8, and
// excerpt() cuts only between characters.
class InvalidUtf8 : public std::exception {
 public:
  explicit InvalidUtf8(std::string message) : message_(std::move(message)) {}
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  std::string message_;
};

// Writes compact JSON into its own buffer, keeping track of the commas.
class Writer {
 public:
  explicit Writer(std::size_t capacity = 1024) { buf_.resize(capacity); }
  // Appends to text written before: a caller's buffer, whose memory is then
  // reused from one response to the next (take() gives it back).
  explicit Writer(std::string&& text_so_far)
      : buf_(std::move(text_so_far)), len_(buf_.size()), start_(len_) {}

  // The text so far.
  const std::string& text() {
    buf_.resize(len_);
    return buf_;
  }
  std::string take() {
    buf_.resize(len_);
    len_ = start_ = 0;
    return std::move(buf_);
  }
  std::size_t size() const { return len_; }
  // Drops what was written after size() was `to` (a response abandoned for
  // an error response); the next value starts a new text.
  void rewind(std::size_t to) {
    len_ = to;
    first_ = true;
  }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // "key": -- the value follows with the next call.
  void key(std::string_view k) {
    quoted(k, /*key=*/true);
    first_ = true;
  }
  // The same for the engine's own key literals, which need no escaping.
  template <std::size_t N>
  PLANCALC_KEY_LITERAL_INLINING void key(const char (&k)[N]) {
    constexpr std::size_t n = N - 1;
    char* p = room(n + 4);  // [,]"k":
    if (!first_) *p++ = ',';
    *p++ = '"';
    std::memcpy(p, k, n);
    p += n;
    *p++ = '"';
    *p++ = ':';
    commit(p);
    first_ = true;
  }

  void string(std::string_view s) {
    quoted(s, /*key=*/false);
    first_ = false;
  }
  void integer(std::int64_t v);
  void unsigned_integer(std::uint64_t v);
  void boolean(bool v);
  void null();
  // An amount as format_amount() writes it, quoted.
  void amount(Money m, const Currency& currency);
  // A date as format_date() writes it, quoted.
  void date(Date d);

  template <typename K, typename T>
  void field(const K& k, const T& v) {
    key(k);
    value(v);
  }
  void value(std::string_view s) { string(s); }
  void value(const std::string& s) { string(s); }
  void value(const char* s) { string(s); }
  void value(bool v) { boolean(v); }
  // Any integer type (int, std::size_t, std::int64_t: their widths differ
  // between the native and the wasm build).
  template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  void value(T v) {
    if constexpr (std::is_signed_v<T>) {
      integer(v);
    } else {
      unsigned_integer(v);
    }
  }
  // JSON text written as it is (a part written before).
  void raw(std::string_view json) {
    separate();
    put(json.data(), json.size());
    done();
  }

 private:
  // Room for at least n more bytes: where they go. commit(end) counts the
  // bytes written up to end.
  char* room(std::size_t n) {
    if (buf_.size() - len_ < n) grow(n);
    return &buf_[len_];
  }
  void commit(const char* end) { len_ = static_cast<std::size_t>(end - buf_.data()); }
  // [,]"s" with s escaped, and a colon after it for a key.
  void quoted(std::string_view s, bool key);
  void escaped(std::string_view s);
  // Makes room for n more bytes and counts them as written: where to write them.
  char* extend(std::size_t n) {
    if (buf_.size() - len_ < n) grow(n);
    char* p = &buf_[len_];
    len_ += n;
    return p;
  }
  void put(char c) { *extend(1) = c; }
  void put(const char* p, std::size_t n) { std::memcpy(extend(n), p, n); }
  void put(std::size_t n, char c) { std::memset(extend(n), c, n); }
  // Doubles what this writer has written (not the text before it, which may
  // be a long buffer of earlier responses).
  void grow(std::size_t n) { buf_.resize(len_ + std::max(n, len_ - start_ + 1024)); }
  void separate() {
    if (!first_) put(',');
  }
  void open(char c) {
    separate();
    put(c);
    first_ = true;
  }
  void close(char c) {
    put(c);
    first_ = false;
  }
  void done() { first_ = false; }

  std::string buf_;  // buf_[0, len_) is written
  std::size_t len_ = 0;
  std::size_t start_ = 0;  // where this writer's text starts
  bool first_ = true;
};

}  // namespace plancalc::json_writer
