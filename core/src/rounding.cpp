#include "plancalc/rounding.hpp"

#include <limits>

#include "plancalc/error.hpp"

namespace plancalc {
namespace {

Int128 abs128(Int128 v) { return v < 0 ? -v : v; }

// Quotient of a non-negative numerator by a positive denominator, rounded
// by mode (the sign is applied by the caller, so up/down are away/towards 0).
Int128 divide_magnitude(Int128 n, Int128 d, RoundingMode mode) {
  Int128 q = n / d;
  Int128 r = n % d;
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
  value = abs128(value);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  } while (value > 0);
  std::size_t scale = static_cast<std::size_t>(currency.exponent) + 8;
  if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  std::string whole = digits.substr(0, digits.size() - scale);
  std::string frac = digits.substr(digits.size() - scale);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  return (negative ? "-" : "") + whole + (frac.empty() ? "" : "." + frac);
}

}  // namespace plancalc
