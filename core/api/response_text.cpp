#include "response_text.hpp"

#include <charconv>

#include "plancalc/money/money.hpp"
#include "plancalc/catalog/policy.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc::response_text {
namespace {

// nlohmann's messages for a string dump() refuses (type_error 316).
std::string hex_byte(unsigned b) {
  static const char hex[] = "0123456789ABCDEF";
  return {hex[b >> 4 & 0xF], hex[b & 0xF]};
}
[[noreturn]] void invalid_byte(std::size_t index, unsigned b) {
  throw InvalidUtf8("[json.exception.type_error.316] invalid UTF-8 byte at index " + std::to_string(index) +
                    ": 0x" + hex_byte(b));
}
[[noreturn]] void incomplete(unsigned last) {
  throw InvalidUtf8("[json.exception.type_error.316] incomplete UTF-8 string; last byte: 0x" + hex_byte(last));
}

// Length of the UTF-8 sequence that starts with the byte s[i] >= 0x80. As
// nlohmann's serializer, refuses overlongs, surrogates and code points above
// U+10FFFF, at the first byte that cannot continue the sequence.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[k])); };
  unsigned b0 = byte(i);
  unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
  std::size_t n = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;  // no overlongs
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;  // no overlongs
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    invalid_byte(i, b0);
  }
  for (std::size_t k = i + 1; k < i + n; ++k) {
    if (k >= s.size()) incomplete(byte(s.size() - 1));
    if (byte(k) < lo || byte(k) > hi) invalid_byte(k, byte(k));
    lo = 0x80, hi = 0xBF;
  }
  return n;
}

}  // namespace


namespace {
// 0: copied as it is; 1: escaped; 2: the start of a multi-byte UTF-8 sequence.
struct ByteClasses {
  unsigned char of[256];
  constexpr ByteClasses() : of() {
    for (int b = 0; b < 256; ++b) of[b] = b < 0x20 || b == '"' || b == '\\' ? 1 : b >= 0x80 ? 2 : 0;
  }
};
constexpr ByteClasses kClass{};
}  // namespace

void Writer::quoted(std::string_view s, bool key) {
  // Most strings need no escaping (and are short): copied byte by byte as
  // they are checked, with no separate scan and no call to memcpy.
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  char* p = room(s.size() + 4);
  if (!first_) *p++ = ',';
  *p++ = '"';
  std::size_t i = 0;
  for (; i < s.size() && kClass.of[bytes[i]] == 0; ++i) p[i] = static_cast<char>(bytes[i]);
  if (i == s.size()) {
    p += i;
    *p++ = '"';
    if (key) *p++ = ':';
    commit(p);
    return;
  }
  commit(p);  // the quote only: escaped() writes the whole string
  escaped(s);
  put('"');
  if (key) put(':');
}

// The escaping of nlohmann's dump() without ensure_ascii: '"', '\\' and the
// control characters below 0x20 (\b \t \n \f \r by name, others as \u00xx).
void Writer::escaped(std::string_view s) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  std::size_t i = 0;
  for (;;) {
    while (i < s.size() && kClass.of[bytes[i]] == 0) ++i;
    if (i == s.size()) break;
    unsigned char b = bytes[i];
    if (kClass.of[b] == 2) {
      i += utf8_length(s, i);
      continue;
    }
    put(s.data() + plain, i - plain);
    switch (b) {
      case '"': put("\\\"", 2); break;
      case '\\': put("\\\\", 2); break;
      case '\b': put("\\b", 2); break;
      case '\t': put("\\t", 2); break;
      case '\n': put("\\n", 2); break;
      case '\f': put("\\f", 2); break;
      case '\r': put("\\r", 2); break;
      default: {
        static const char hex[] = "0123456789abcdef";
        put("\\u00", 4);
        put(hex[b >> 4]);
        put(hex[b & 0xF]);
      }
    }
    plain = ++i;
  }
  put(s.data() + plain, s.size() - plain);
}

namespace {
constexpr std::size_t kNotHeld = static_cast<std::size_t>(-1);
}  // namespace

std::size_t Writer::hold() {
  if (!held_ || in_held_) return kNotHeld;
  separate();
  first_ = true;  // the value writes no comma of its own
  in_held_ = true;
  return len_;
}

void Writer::held(const void* id, std::size_t mark) {
  if (mark == kNotHeld) return;
  in_held_ = false;
  if (len_ - mark >= kHeldAsciiBytes) {
    held_->push_back({mark - start_, len_ - mark, id});
    return;
  }
  for (std::size_t i = mark; i < len_; ++i) {
    if (static_cast<unsigned char>(buf_[i]) >= 0x80) {
      held_->push_back({mark - start_, len_ - mark, id});
      return;
    }
  }
}

// = format_amount(m, currency), without building a string.
void Writer::amount(Money m, const Currency& currency) {
  std::uint64_t magnitude = m.minor() < 0 ? 0 - static_cast<std::uint64_t>(m.minor())
                                          : static_cast<std::uint64_t>(m.minor());
  auto exponent = static_cast<std::size_t>(currency.exponent);
  // [,]"[-]whole[.decimals]": 20 digits at most, and the zeros of "0.0…".
  char* p = room(exponent + 28);
  if (!first_) *p++ = ',';
  *p++ = '"';
  if (m.minor() < 0) *p++ = '-';
  char* digits = p;
  p = std::to_chars(digits, digits + 20, magnitude).ptr;
  auto n = static_cast<std::size_t>(p - digits);
  if (exponent > 0 && n <= exponent) {
    // 0.05: one whole digit, then the decimals padded with zeros.
    std::size_t zeros = exponent - n;
    std::memmove(digits + 2 + zeros, digits, n);
    digits[0] = '0';
    digits[1] = '.';
    std::memset(digits + 2, '0', zeros);
    p = digits + 2 + exponent;
  } else if (exponent > 0) {
    // The decimals move one place to make room for the point.
    for (std::size_t k = 0; k < exponent; ++k) p[-static_cast<std::ptrdiff_t>(k)] = p[-static_cast<std::ptrdiff_t>(k) - 1];
    p[-static_cast<std::ptrdiff_t>(exponent)] = '.';
    ++p;
  }
  *p++ = '"';
  commit(p);
  done();
}

void Writer::integer(std::int64_t v) {
  char* p = room(24);
  if (!first_) *p++ = ',';
  commit(std::to_chars(p, p + 20, v).ptr);
  done();
}

void Writer::unsigned_integer(std::uint64_t v) {
  char* p = room(24);
  if (!first_) *p++ = ',';
  commit(std::to_chars(p, p + 20, v).ptr);
  done();
}

void Writer::boolean(bool v) {
  separate();
  if (v) {
    put("true", 4);
  } else {
    put("false", 5);
  }
  done();
}

void Writer::null() {
  separate();
  put("null", 4);
  done();
}

// = format_date(d), without building a string.
void Writer::date(Date d) {
  const RecentDate* recent = nullptr;
  std::size_t filled = std::min(recent_count_, std::size(recent_));
  for (std::size_t i = 0; i < filled && !recent; ++i) {
    if (recent_[i].days == d.days()) recent = &recent_[i];
  }
  if (!recent) {
    RecentDate& slot = recent_[recent_count_++ % std::size(recent_)];
    slot.days = d.days();
    write_date(d, slot.text);
    recent = &slot;
  }
  char* p = room(kDateLength + 3);
  if (!first_) *p++ = ',';
  *p++ = '"';
  std::memcpy(p, recent->text, kDateLength);
  p += kDateLength;
  *p++ = '"';
  commit(p);
  done();
}

namespace {

void arg_value(Writer& w, const Catalog& c, const ExplanationArg& value) {
  if (auto s = std::get_if<std::string>(&value)) {
    w.string(*s);
  } else if (auto i = std::get_if<std::int64_t>(&value)) {
    w.integer(*i);
  } else if (auto m = std::get_if<Money>(&value)) {
    w.amount(*m, *c.currency);
  } else if (auto d = std::get_if<Date>(&value)) {
    w.date(*d);
  } else if (auto r = std::get_if<Rate>(&value)) {
    w.string(format_rate(*r));
  }
}

}  // namespace

void line(Writer& w, const Catalog& c, const Line& l) {
  w.begin_object();
  w.field("kind", l.kind);
  w.field("quantity", static_cast<std::int64_t>(l.quantity));
  if (l.unit_amount) money_field(w, c, "unit_amount", *l.unit_amount);
  money_field(w, c, "amount", l.amount);
  w.key("explanation");
  explanation(w, c, l.explanation);
  w.end_object();
}

void names(Writer& w, const Names& n) {
  std::size_t mark = w.hold();
  w.begin_object();
  for (const auto& [locale, text] : n) w.field(locale, text);
  w.end_object();
  w.held(&n, mark);
}

void explanation(Writer& w, const Catalog& c, const Explanation& e) {
  w.begin_object();
  w.field("key", e.key);
  w.key("args");
  w.begin_object();
  const auto& args = e.args;
  for (std::size_t i = 0; i < args.size(); ++i) {
    // A repeated name keeps its first place and takes its last value (the
    // response format of the tree writer this replaced: args[name] = value).
    bool seen = false;
    for (std::size_t j = 0; j < i && !seen; ++j) seen = args[j].first == args[i].first;
    if (seen) continue;
    std::size_t last = i;
    for (std::size_t j = i + 1; j < args.size(); ++j) {
      if (args[j].first == args[i].first) last = j;
    }
    w.key(args[i].first);
    arg_value(w, c, args[last].second);
  }
  w.end_object();
  w.end_object();
}

void catalog_ref(Writer& w, const Catalog& c) {
  w.begin_object();
  w.field("id", c.vendor.id);
  w.field("fingerprint", c.fingerprint);
  w.field("illustrative", c.vendor.illustrative);
  w.end_object();
}

namespace {

// {"ok":true,"result":{"catalog":{...},"conventions":{... up to as_of, both left open.
void write_header_start(Writer& w, const Catalog& c) {
  w.begin_object();
  w.field("ok", true);
  w.key("result");
  w.begin_object();
  w.key("catalog");
  catalog_ref(w, c);
  w.key("conventions");
  w.begin_object();
  w.field("currency", c.currency->code);
  w.field("exponent", c.currency->exponent);
  w.field("rounding_mode", to_string(c.rounding.mode));
  money_field(w, c, "rounding_increment", Money::from_minor(c.rounding.increment_minor));
  w.field("month_end", "clamp_to_last_day");
  w.field("term", "half_open");
  w.field("proration_basis", to_string(c.policies.change.basis));
}

}  // namespace

std::string header_start(const Catalog& c) {
  Writer w(512);
  write_header_start(w, c);
  return w.take();
}

void begin_result(Writer& w, const Catalog& c, const CatalogParts* parts, std::optional<Date> as_of,
                  void (*more_conventions)(Writer&), const std::string* header_with_more) {
  if (header_with_more && !as_of) {
    w.held_part(*header_with_more);
  } else {
    if (parts) {
      w.held_part(parts->header);
    } else {
      write_header_start(w, c);
    }
    if (as_of) date_field(w, "as_of", *as_of);
    if (more_conventions) more_conventions(w);
  }
  w.end_object();
}

void end_result(Writer& w) {
  w.end_object();
  w.end_object();
}

void error_response(Writer& w, const Error& e, std::string_view details) {
  w.begin_object();
  w.field("ok", false);
  w.key("error");
  w.begin_object();
  w.field("code", e.code());
  w.field("message", e.message());
  w.field("path", e.path());
  w.field("source", e.source() == Source::catalog ? "catalog" : "request");
  if (!details.empty()) {
    w.key("details");
    w.raw(details);
  }
  w.end_object();
  w.end_object();
}

namespace {

// The end of the string that starts at json[i].
std::size_t skip_string(std::string_view json, std::size_t i) {
  for (++i; json[i] != '"'; ++i) {
    if (json[i] == '\\') ++i;
  }
  return i + 1;
}

// The end of the value that starts at json[i] (compact JSON: no whitespace).
std::size_t skip_value(std::string_view json, std::size_t i) {
  if (json[i] == '"') return skip_string(json, i);
  if (json[i] != '{' && json[i] != '[') {  // a number, true, false or null
    while (i < json.size() && json[i] != ',' && json[i] != '}' && json[i] != ']') ++i;
    return i;
  }
  int depth = 0;
  do {
    if (json[i] == '"') {
      i = skip_string(json, i);
      continue;
    }
    if (json[i] == '{' || json[i] == '[') ++depth;
    if (json[i] == '}' || json[i] == ']') --depth;
    ++i;
  } while (depth > 0);
  return i;
}

// A reference token with ~1 and ~0 replaced; none for another ~ escape.
std::optional<std::string> unescape_token(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] != '~') {
      out += token[i];
    } else if (i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[++i] == '0' ? '~' : '/';
    } else {
      return std::nullopt;
    }
  }
  return out;
}

// An array index as RFC 6901 writes it: "0", or digits without a leading zero.
std::optional<std::size_t> array_index(const std::string& token) {
  if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0')) return std::nullopt;
  std::size_t n = 0;
  for (char ch : token) {
    if (ch < '0' || ch > '9') return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(ch - '0');
  }
  return n;
}

// The start of the member token names in the object or array at json[at].
std::optional<std::size_t> member(std::string_view json, std::size_t at, const std::string& token) {
  std::size_t i = at + 1;
  if (json[at] == '{') {
    Writer quoted(token.size() + 16);
    quoted.string(token);  // the key as the Writer wrote it
    while (json[i] != '}') {
      std::size_t key_end = skip_string(json, i);
      bool match = json.substr(i, key_end - i) == quoted.text();
      i = key_end + 1;  // past the ':'
      if (match) return i;
      i = skip_value(json, i);
      if (json[i] == ',') ++i;
    }
    return std::nullopt;
  }
  if (json[at] == '[') {
    std::optional<std::size_t> index = array_index(token);
    if (!index) return std::nullopt;
    for (std::size_t n = *index; n > 0 && json[i] != ']'; --n) {
      i = skip_value(json, i);
      if (json[i] == ',') ++i;
    }
    if (json[i] == ']') return std::nullopt;
    return i;
  }
  return std::nullopt;  // a string, number, true, false or null has no members
}

}  // namespace

std::optional<std::string_view> value_at(std::string_view json, std::string_view pointer) {
  std::size_t at = 0;
  while (!pointer.empty()) {
    if (pointer[0] != '/') return std::nullopt;
    std::size_t end = pointer.find('/', 1);
    std::optional<std::string> token = unescape_token(pointer.substr(1, end == std::string_view::npos ? end : end - 1));
    if (!token) return std::nullopt;
    std::optional<std::size_t> next = member(json, at, *token);
    if (!next) return std::nullopt;
    at = *next;
    pointer = end == std::string_view::npos ? std::string_view() : pointer.substr(end);
  }
  return json.substr(at, skip_value(json, at) - at);
}

}  // namespace plancalc::response_text
