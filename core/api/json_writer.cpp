#include "json_writer.hpp"

#include <charconv>
#include <string>

namespace plancalc::json_writer {
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
  char* p = room(kDateLength + 3);
  if (!first_) *p++ = ',';
  *p++ = '"';
  write_date(d, p);
  p += kDateLength;
  *p++ = '"';
  commit(p);
  done();
}

}  // namespace plancalc::json_writer
