#include "plancalc/money/rounding.hpp"

#include <charconv>
#include <cstring>
#include <limits>
#include <string_view>

#include "plancalc/error/error.hpp"

namespace plancalc {
namespace {

Int128 abs128(Int128 v) { return v < 0 ? -v : v; }

// Quotient of a non-negative numerator by a positive denominator, rounded
// by mode (the sign is applied by the caller, so up/down are away/towards 0).
Int128 divide_magnitude(Int128 n, Int128 d, RoundingMode mode) {
  // In 64 bits when both fit (nearly always): a 128-bit division is a call
  // in WebAssembly, and a slow one.
  constexpr Int128 k64 = std::numeric_limits<std::uint64_t>::max();
  Int128 q, r;
  if (n <= k64 && d <= k64) {
    auto n64 = static_cast<std::uint64_t>(n), d64 = static_cast<std::uint64_t>(d);
    q = n64 / d64;
    r = n64 % d64;
  } else {
    q = n / d;
    r = n % d;
  }
  if (r == 0) return q;
  switch (mode) {
    case RoundingMode::down:
      return q;
    case RoundingMode::up:
      return q + 1;
    case RoundingMode::half_up:
      return 2 * r >= d ? q + 1 : q;
    case RoundingMode::half_even:
      if (2 * r > d) return q + 1;
      if (2 * r < d) return q;
      return q % 2 == 0 ? q : q + 1;
  }
  return q;
}

}  // namespace

const char* to_string(RoundingMode mode) {
  switch (mode) {
    case RoundingMode::half_up:
      return "half_up";
    case RoundingMode::half_even:
      return "half_even";
    case RoundingMode::up:
      return "up";
    case RoundingMode::down:
      return "down";
  }
  return "half_up";
}

bool parse_rounding_mode(std::string_view name, RoundingMode& mode) {
  for (RoundingMode m : {RoundingMode::half_up, RoundingMode::half_even, RoundingMode::up,
                         RoundingMode::down}) {
    if (name == to_string(m)) {
      mode = m;
      return true;
    }
  }
  return false;
}

Rate parse_rate(std::string_view text, const std::string& path) {
  auto invalid = [&](const std::string& why) -> void {
    fail("invalid_rate", why + ", got " + excerpt(std::string(text)), path);
  };
  std::size_t i = 0;
  std::int64_t micro = 0;
  int integer_digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    micro = micro * 10 + (text[i] - '0');
    if (++integer_digits > 4) invalid("a rate is a percentage from 0 to 1000");
    ++i;
  }
  if (integer_digits == 0) invalid("expected a percentage such as \"25\" or \"12.5\"");
  int decimals = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      if (++decimals > 6) invalid("a rate has at most 6 decimals");
      micro = micro * 10 + (text[i] - '0');
      ++i;
    }
    if (decimals == 0) invalid("expected a percentage such as \"25\" or \"12.5\"");
  }
  if (i != text.size()) invalid("expected a percentage such as \"25\" or \"12.5\"");
  for (int d = decimals; d < 6; ++d) micro *= 10;
  if (micro > 1000 * Rate::kScale) invalid("a rate is a percentage from 0 to 1000");
  return Rate::from_micro_percent(micro);
}

std::string format_rate(Rate rate) {
  std::int64_t whole = rate.micro_percent() / Rate::kScale;
  std::int64_t frac = rate.micro_percent() % Rate::kScale;
  std::string out = std::to_string(whole);
  if (frac == 0) return out;
  std::string digits = std::to_string(frac);
  digits.insert(0, 6 - digits.size(), '0');
  while (digits.back() == '0') digits.pop_back();
  return out + "." + digits;
}

Money round_quotient(Int128 numerator, Int128 denominator, Rounding rounding) {
  // Count whole increments, then scale back to minor units.
  Int128 d = denominator * rounding.increment_minor;
  Int128 q = divide_magnitude(abs128(numerator), d, rounding.mode);
  Int128 minor = q * rounding.increment_minor;
  if (numerator < 0) minor = -minor;
  if (minor > std::numeric_limits<std::int64_t>::max() ||
      minor < std::numeric_limits<std::int64_t>::min()) {
    fail("amount_overflow", "amount is too large to be represented exactly");
  }
  return Money::from_minor(static_cast<std::int64_t>(minor));
}

Money apply_rate(Money amount, Rate rate, Rounding rounding) {
  return round_quotient(static_cast<Int128>(amount.minor()) * rate.micro_percent(),
                        static_cast<Int128>(100) * Rate::kScale, rounding);
}

Money round_amount(Money amount, Rounding rounding) {
  return round_quotient(amount.minor(), 1, rounding);
}

std::string format_exact_rate_product(Money amount, Rate rate, const Currency& currency) {
  // amount.minor × micro / 10^8 minor units = value / 10^(exponent + 8) units.
  Int128 value = static_cast<Int128>(amount.minor()) * rate.micro_percent();
  bool negative = value < 0;
  // |value| < 2^126: its digits are those of |value| / 10^19 (below 2^64),
  // then the rest as 19 digits; one 128-bit division, none per digit.
  auto magnitude = static_cast<unsigned __int128>(abs128(value));
  char digits[64];
  char* end = digits;
  constexpr std::uint64_t k1e19 = 10000000000000000000ull;
  if (magnitude <= std::numeric_limits<std::uint64_t>::max()) {
    end = std::to_chars(digits, digits + 20, static_cast<std::uint64_t>(magnitude)).ptr;
  } else {
    end = std::to_chars(digits, digits + 20, static_cast<std::uint64_t>(magnitude / k1e19)).ptr;
    char low[20];
    char* low_end = std::to_chars(low, low + 20, static_cast<std::uint64_t>(magnitude % k1e19)).ptr;
    auto n = static_cast<std::size_t>(low_end - low);
    std::memset(end, '0', 19 - n);
    std::memcpy(end + 19 - n, low, n);
    end += 19;
  }
  std::string_view all(digits, static_cast<std::size_t>(end - digits));
  std::size_t scale = static_cast<std::size_t>(currency.exponent) + 8;
  std::string out = negative ? "-" : "";
  // The whole part ("0" when all digits are decimals), then the decimals
  // (zeros padded in front, trailing zeros dropped).
  if (all.size() > scale) {
    out.append(all.substr(0, all.size() - scale));
  } else {
    out += '0';
  }
  std::size_t decimals_from = all.size() > scale ? all.size() - scale : 0;
  std::size_t zeros = all.size() >= scale ? 0 : scale - all.size();
  std::string_view decimals = all.substr(decimals_from);
  while (!decimals.empty() && decimals.back() == '0') decimals.remove_suffix(1);
  if (!decimals.empty()) {
    out += '.';
    out.append(zeros, '0');
    out.append(decimals);
  }
  return out;
}

}  // namespace plancalc
