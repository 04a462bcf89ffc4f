// The hot responses written straight as JSON text, without building an
// nlohmann::ordered_json tree first. Building that tree and dumping it took
// about 95 % of a `quote` call (one heap node per value); writing the text
// directly gives the same bytes for a fraction of the work (docs/performance.md).
//
// The tree writers in response_writer.cpp stay the reference: every function
// here produces exactly the bytes of its counterpart (named in its comment),
// which tests/core/response_text_test.cpp checks over every plan of every
// catalog in plans/. A change to a response shape changes both.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plancalc/catalog.hpp"
#include "plancalc/explanation.hpp"
#include "plancalc/quote.hpp"

namespace plancalc::response_text {

// Thrown when a string to write is not valid UTF-8 (where nlohmann's dump
// would throw): the caller falls back to the tree writer, so even then the
// response is the reference one.
struct NotUtf8 {};

// Appends compact JSON to a string, keeping track of the commas.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // "key": -- the value follows with the next call.
  void key(std::string_view k);

  void string(std::string_view s);
  void integer(std::int64_t v);
  void unsigned_integer(std::uint64_t v);
  void boolean(bool v);
  void null();

  template <typename T>
  void field(std::string_view k, const T& v) {
    key(k);
    value(v);
  }
  void value(std::string_view s) { string(s); }
  void value(const std::string& s) { string(s); }
  void value(const char* s) { string(s); }
  void value(bool v) { boolean(v); }
  void value(int v) { integer(v); }
  void value(std::int64_t v) { integer(v); }
  void value(std::uint64_t v) { unsigned_integer(v); }

 private:
  void separate() {
    if (!first_) out_ += ',';
  }
  void open(char c) {
    separate();
    out_ += c;
    first_ = true;
  }
  void close(char c) {
    out_ += c;
    first_ = false;
  }
  void done() { first_ = false; }

  std::string& out_;
  bool first_ = true;
};

// = response::explanation(c, e) (args with the same name: the last value at the first place).
void explanation(Writer& w, const Catalog& c, const Explanation& e);

// = response::ok(api_detail::with_header(c, as_of, response::quote(c, q, horizon_months, start))).dump()
std::string quote_response(const Catalog& c, const Quote& q, int horizon_months, Date start, std::optional<Date> as_of);

}  // namespace plancalc::response_text
