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

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "plancalc/catalog.hpp"
#include "plancalc/compare.hpp"
#include "plancalc/explanation.hpp"
#include "plancalc/money.hpp"
#include "plancalc/quote.hpp"

namespace plancalc::response_text {

// Thrown when a string to write is not valid UTF-8 (where nlohmann's dump
// would throw): the caller falls back to the tree writer, so even then the
// response is the reference one.
struct NotUtf8 {};

// Writes compact JSON into its own buffer, keeping track of the commas.
class Writer {
 public:
  explicit Writer(std::size_t capacity = 1024) { buf_.resize(capacity); }

  // The text so far.
  const std::string& text() {
    buf_.resize(len_);
    return buf_;
  }
  std::string take() {
    buf_.resize(len_);
    len_ = 0;
    return std::move(buf_);
  }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // "key": -- the value follows with the next call.
  void key(std::string_view k);
  // The same for the engine's own key literals, which need no escaping.
  template <std::size_t N>
  void key(const char (&k)[N]) {
    separate();
    put('"');
    put(k, N - 1);
    put("\":", 2);
    first_ = true;
  }

  void string(std::string_view s);
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
  void value(int v) { integer(v); }
  void value(std::int64_t v) { integer(v); }
  void value(std::uint64_t v) { unsigned_integer(v); }
  // JSON text written as it is (a part written before).
  void raw(std::string_view json) {
    separate();
    put(json.data(), json.size());
    done();
  }

 private:
  void put(char c) {
    if (len_ == buf_.size()) grow(1);
    buf_[len_++] = c;
  }
  void put(const char* p, std::size_t n) {
    if (buf_.size() - len_ < n) grow(n);
    std::memcpy(&buf_[len_], p, n);
    len_ += n;
  }
  void put(std::size_t n, char c) {
    if (buf_.size() - len_ < n) grow(n);
    std::memset(&buf_[len_], c, n);
    len_ += n;
  }
  void grow(std::size_t n) { buf_.resize(std::max(2 * buf_.size(), len_ + n)); }
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
  bool first_ = true;
};

// What a comparison says about the catalog alone, written once per engine
// with the tree writer.
struct CatalogParts {
  std::string header;    // {"ok":true,"result":{"catalog":{...},"conventions":{... up to as_of
  std::string tiers;     // = response::tiers(c).dump()
  std::string features;  // = response::features(c).dump()
};
CatalogParts catalog_parts(const Catalog& c);

// = response::explanation(c, e) (args with the same name: the last value at the first place).
void explanation(Writer& w, const Catalog& c, const Explanation& e);

// = response::ok(api_detail::with_header(c, as_of, response::quote(c, q, horizon_months, start))).dump()
// (parts: the engine's, for the header; written here without them.)
std::string quote_response(const Catalog& c, const Quote& q, int horizon_months, Date start, std::optional<Date> as_of,
                           const CatalogParts* parts = nullptr);

// = response::ok(api_detail::with_header(c, as_of, response::comparison(c, cmp, quantity, horizon_months, start))).dump()
std::string comparison_response(const Catalog& c, const CatalogParts& parts, const Comparison& cmp,
                                std::int64_t quantity, int horizon_months, Date start, std::optional<Date> as_of);

}  // namespace plancalc::response_text
