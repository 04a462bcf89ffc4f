// Every response is written straight as compact JSON text, with no JSON tree
// in between: one growing buffer, keys in the order docs/api.md gives them.
// Building an nlohmann::ordered_json tree and dumping it took about 95 % of a
// `quote` call (one heap node per value), and its code, inlined at every
// field, was most of the WebAssembly module (docs/performance.md).
//
// The bytes are those nlohmann's dump() wrote when the responses were trees
// (the golden corpus in tests/golden pins them): compact, strings escaped as
// dump() escapes them (no ensure_ascii), integers in decimal, and a string
// that is not valid UTF-8 refused with dump()'s own exception.
//
// This file: the Writer, and the parts every response shares (header,
// explanations, lines, names, errors). The responses themselves are written
// in response_writer.cpp (quote, compare, describe), sla_response.cpp,
// lifecycle_api.cpp and api.cpp (check), one small function per part.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "plancalc/calendar/calendar.hpp"
#include "plancalc/catalog/catalog.hpp"
#include "plancalc/error/error.hpp"
#include "plancalc/explanation/explanation.hpp"
#include "plancalc/api/held_text.hpp"
#include "plancalc/money/money.hpp"
#include "plancalc/pricing/pricing.hpp"

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

namespace plancalc::response_text {

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
  // Writes from the start of `buffer`, reusing its memory as it is: its size
  // is not the text's, so no byte is cleared before it is written (a buffer
  // kept from one response to the next). release() gives it back.
  struct Reuse {};
  Writer(std::string&& buffer, Reuse) : buf_(std::move(buffer)) {}
  std::string release() { return std::move(buf_); }

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
    in_held_ = false;
    while (held_ && !held_->empty() && start_ + held_->back().offset + held_->back().length > to) held_->pop_back();
  }

  // Logs in `log` where the texts written through held() are, when they
  // are not ASCII or are kHeldAsciiBytes long (offsets from this writer's start).
  void log_held_texts(std::vector<HeldText>* log) { held_ = log; }
  // A value that is the same text every time for the same id, while the
  // engine lives (a catalog's names, a part of CatalogParts), is written
  // between hold() and held(id, hold()'s mark). Not logged inside another.
  std::size_t hold();
  void held(const void* id, std::size_t mark);
  // raw(part) for a part the engine keeps, held with the part as its id.
  void held_part(const std::string& part) {
    std::size_t mark = hold();
    raw(part);
    held(&part, mark);
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
  std::vector<HeldText>* held_ = nullptr;
  bool in_held_ = false;
  // The text of the dates written last: a response repeats its dates (a
  // period's end is the next one's start, and each is written again in its
  // explanation), and formatting one is most of writing it.
  struct RecentDate {
    std::int32_t days;
    char text[kDateLength];
  };
  RecentDate recent_[4];
  std::size_t recent_count_ = 0;  // filled, in order; then the oldest is replaced
};

// --- Parts every response shares --------------------------------------------

template <std::size_t N>
void date_field(Writer& w, const char (&k)[N], Date d) {
  w.key(k);
  w.date(d);
}


template <std::size_t N>
void money_field(Writer& w, const Catalog& c, const char (&k)[N], Money m) {
  w.key(k);
  w.amount(m, *c.currency);
}

// A date, or null.
template <std::size_t N>
void optional_date_field(Writer& w, const char (&k)[N], const std::optional<Date>& d) {
  w.key(k);
  if (d) {
    w.date(*d);
  } else {
    w.null();
  }
}

// A text, or null when empty (an optional note).
template <std::size_t N>
void text_or_null_field(Writer& w, const char (&k)[N], const std::string& s) {
  w.key(k);
  if (s.empty()) {
    w.null();
  } else {
    w.string(s);
  }
}

// {"en": "...", "es": "..."}: translated names, locales unique (read from a
// JSON object). n is a catalog's: the text is held (Writer::held).
void names(Writer& w, const Names& n);
// {"key": ..., "args": {...}}; an arg name given twice keeps its first place
// and takes its last value (as the tree's args[name] = value did).
void explanation(Writer& w, const Catalog& c, const Explanation& e);
// A priced line: kind, quantity, unit_amount (when there is one), amount, explanation.
void line(Writer& w, const Catalog& c, const Line& l);

// What a catalog's responses repeat on every call, written once per engine
// (Engine::Engine) and spliced in: the result header up to the conventions'
// as_of, and compare's and describe's tiers and features (response_writer.hpp).
struct CatalogParts {
  std::string header;    // {"ok":true,"result":{"catalog":{...},"conventions":{... up to as_of
  std::string sla_header;  // the header and the SLA's conventions: an sla result without as_of
  std::string tiers;     // response::tiers
  std::string features;  // response::features
  std::vector<std::string> plans;  // a quote's "plan" object, for each plan of the catalog
};

// {"ok":true,"result":{"catalog":{id, fingerprint, illustrative},
//  "conventions":{currency, ..., proration_basis[, as_of][, more_conventions]}
// and the result left open for the operation's own fields. parts: the
// engine's, or none (then the header is written here).
// header_with_more: the header with more_conventions written, a part of
// `parts` (CatalogParts::sla_header), held whole when there is no as_of.
void begin_result(Writer& w, const Catalog& c, const CatalogParts* parts, std::optional<Date> as_of,
                  void (*more_conventions)(Writer&) = nullptr, const std::string* header_with_more = nullptr);
// Closes the result and the response.
void end_result(Writer& w);
// The header's start as begin_result() writes it without parts (for CatalogParts::header).
std::string header_start(const Catalog& c);
// {"id", "fingerprint", "illustrative"}: which catalog a result comes from.
void catalog_ref(Writer& w, const Catalog& c);

// {"ok":false,"error":{"code","message","path","source"[,"details":details]}}
// details: JSON text, written as it is (DetailedError).
void error_response(Writer& w, const Error& e, std::string_view details = {});

// --- Reading a response back (check compares figures of results) -------------

// The text of the value at a JSON Pointer (RFC 6901) in JSON text a Writer
// wrote; none where nlohmann's at(json_pointer) threw: no such key, an index
// past the end or not a plain decimal ("01", "-"), a malformed pointer.
std::optional<std::string_view> value_at(std::string_view json, std::string_view pointer);

}  // namespace plancalc::response_text
