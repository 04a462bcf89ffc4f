#include "plancalc/money/money.hpp"

#include <array>

#include "plancalc/error/error.hpp"

namespace plancalc {
namespace {

// ISO 4217 codes and minor-unit exponents of the currencies a support
// vendor is likely to price in.
constexpr std::array<Currency, 40> kCurrencies = {{
    {"AED", 2}, {"ARS", 2}, {"AUD", 2}, {"BGN", 2}, {"BHD", 3}, {"BRL", 2}, {"CAD", 2},
    {"CHF", 2}, {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"CZK", 2}, {"DKK", 2}, {"DOP", 2},
    {"EUR", 2}, {"GBP", 2}, {"HKD", 2}, {"HUF", 2}, {"INR", 2}, {"ISK", 0}, {"JOD", 3},
    {"JPY", 0}, {"KRW", 0}, {"KWD", 3}, {"KZT", 2}, {"MXN", 2}, {"NOK", 2}, {"NZD", 2},
    {"OMR", 3}, {"PEN", 2}, {"PLN", 2}, {"RON", 2}, {"RUB", 2}, {"SAR", 2}, {"SEK", 2},
    {"SGD", 2}, {"TRY", 2}, {"UAH", 2}, {"USD", 2}, {"ZAR", 2},
}};


[[noreturn]] void overflow() {
  fail("amount_overflow", "amount is too large to be represented exactly");
}

}  // namespace

const Currency* find_currency(std::string_view code) {
  for (const Currency& c : kCurrencies) {
    if (code == c.code) return &c;
  }
  return nullptr;
}

Money add(Money a, Money b) {
  std::int64_t r;
  if (__builtin_add_overflow(a.minor(), b.minor(), &r)) overflow();
  return Money::from_minor(r);
}

Money subtract(Money a, Money b) {
  std::int64_t r;
  if (__builtin_sub_overflow(a.minor(), b.minor(), &r)) overflow();
  return Money::from_minor(r);
}

Money multiply(Money a, std::int64_t quantity) {
  std::int64_t r;
  if (__builtin_mul_overflow(a.minor(), quantity, &r)) overflow();
  return Money::from_minor(r);
}

Money parse_amount(std::string_view text, const Currency& currency, const std::string& path,
                   bool allow_negative) {
  auto invalid = [&]() -> void {
    fail("invalid_amount",
         "expected a decimal amount such as \"7990.00\", got " + excerpt(std::string(text)), path);
  };
  std::size_t i = 0;
  bool negative = false;
  if (allow_negative && i < text.size() && text[i] == '-') {
    negative = true;
    ++i;
  }
  std::int64_t minor = 0;
  int integer_digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    if (__builtin_mul_overflow(minor, 10, &minor) ||
        __builtin_add_overflow(minor, text[i] - '0', &minor)) {
      fail("amount_overflow", "amount " + excerpt(std::string(text)) + " is too large", path);
    }
    ++integer_digits;
    ++i;
  }
  if (integer_digits == 0) invalid();
  int decimals = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      ++decimals;
      if (decimals > currency.exponent) {
        fail("too_many_decimals",
             std::string(currency.code) + " amounts have at most " +
                 std::to_string(currency.exponent) + " decimals, got " + excerpt(std::string(text)),
             path);
      }
      if (__builtin_mul_overflow(minor, 10, &minor) ||
          __builtin_add_overflow(minor, text[i] - '0', &minor)) {
        fail("amount_overflow", "amount " + excerpt(std::string(text)) + " is too large", path);
      }
      ++i;
    }
    if (decimals == 0) invalid();
  }
  if (i != text.size()) invalid();
  for (int d = decimals; d < currency.exponent; ++d) {
    if (__builtin_mul_overflow(minor, 10, &minor)) {
      fail("amount_overflow", "amount " + excerpt(std::string(text)) + " is too large", path);
    }
  }
  return Money::from_minor(negative ? -minor : minor);
}

std::string format_amount(Money amount, const Currency& currency) {
  // Work on the unsigned magnitude so INT64_MIN formats too.
  std::uint64_t magnitude = amount.minor() < 0 ? 0 - static_cast<std::uint64_t>(amount.minor())
                                               : static_cast<std::uint64_t>(amount.minor());
  std::string digits = std::to_string(magnitude);
  if (static_cast<int>(digits.size()) <= currency.exponent) {
    digits.insert(0, static_cast<std::size_t>(currency.exponent) + 1 - digits.size(), '0');
  }
  std::string out = amount.minor() < 0 ? "-" : "";
  if (currency.exponent == 0) return out + digits;
  std::size_t point = digits.size() - static_cast<std::size_t>(currency.exponent);
  return out + digits.substr(0, point) + "." + digits.substr(point);
}

}  // namespace plancalc
