// Money: an exact count of a currency's minor unit (cents, kopecks, fils).
//
// Amounts never pass through floating point. They are parsed from decimal
// strings ("7990.00"), kept as int64 minor units and formatted back with
// exactly the currency's decimals. A string with more decimals than the
// currency has is an error, never a silent rounding; every operation that
// could leave int64 raises amount_overflow instead of wrapping.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace plancalc {

// An ISO 4217 currency and the number of decimals of its minor unit.
struct Currency {
  const char* code;
  int exponent;
};

// The currency with this ISO 4217 code, or nullptr when it is not known.
const Currency* find_currency(std::string_view code);

class Money {
 public:
  static Money from_minor(std::int64_t minor) { return Money(minor); }
  static Money zero() { return Money(0); }
  std::int64_t minor() const { return minor_; }

  friend bool operator==(Money a, Money b) { return a.minor_ == b.minor_; }
  friend bool operator!=(Money a, Money b) { return a.minor_ != b.minor_; }
  friend bool operator<(Money a, Money b) { return a.minor_ < b.minor_; }
  friend bool operator<=(Money a, Money b) { return a.minor_ <= b.minor_; }
  friend bool operator>(Money a, Money b) { return a.minor_ > b.minor_; }
  friend bool operator>=(Money a, Money b) { return a.minor_ >= b.minor_; }

 private:
  explicit Money(std::int64_t minor) : minor_(minor) {}
  std::int64_t minor_;
};

static_assert(!std::is_constructible_v<Money, double>, "money never comes from a double");

// Checked arithmetic: amount_overflow instead of wrap-around.
Money add(Money a, Money b);
Money subtract(Money a, Money b);
Money multiply(Money a, std::int64_t quantity);

// Parses "7990", "7990.5", "7990.50" (at most the currency's decimals, an
// optional leading '-' only when allow_negative). Errors: invalid_amount,
// too_many_decimals, amount_overflow; `path` is reported with them.
Money parse_amount(std::string_view text, const Currency& currency, const std::string& path,
                   bool allow_negative = false);

// "7990.00" for RUB, "1998" for JPY, "-0.50" for a negative EUR amount.
std::string format_amount(Money amount, const Currency& currency);

}  // namespace plancalc
