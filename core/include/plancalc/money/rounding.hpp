// Rounding: the one place where an exact quotient becomes an amount.
//
// A result that is not a whole number of minor units (25 % of 7990.00 =
// 1997.50) is rounded once, to a multiple of the catalog's increment (0.01,
// 1 for whole roubles, 0.05 for Swiss cash), with the catalog's mode. Every
// function here names its rounding explicitly; there is no default argument.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "plancalc/money/money.hpp"

namespace plancalc {

// 128-bit intermediates make amount × rate exact (GCC and Clang, native and wasm).
__extension__ typedef __int128 Int128;

enum class RoundingMode { half_up, half_even, up, down };

// half_up and half_even round ties away from zero / to even; up and down
// round away from / towards zero.
struct Rounding {
  RoundingMode mode;
  std::int64_t increment_minor;  // >= 1
};

const char* to_string(RoundingMode mode);
// Returns false when the name is not one of the four modes.
bool parse_rounding_mode(std::string_view name, RoundingMode& mode);

// A percentage held exactly as millionths of a percent: "25" -> 25'000'000,
// "12.5" -> 12'500'000. At most 6 decimals, 0 to 1000 %.
class Rate {
 public:
  static constexpr std::int64_t kScale = 1'000'000;
  static Rate from_micro_percent(std::int64_t micro) { return Rate(micro); }
  std::int64_t micro_percent() const { return micro_; }

 private:
  explicit Rate(std::int64_t micro) : micro_(micro) {}
  std::int64_t micro_;
};

// Errors: invalid_rate (syntax, more than 6 decimals, above 1000 %).
Rate parse_rate(std::string_view text, const std::string& path);
// "25", "12.5", "0.000001": the shortest exact decimal.
std::string format_rate(Rate rate);

// numerator / denominator (denominator > 0) rounded to a multiple of the
// increment. amount_overflow if the result leaves int64.
Money round_quotient(Int128 numerator, Int128 denominator, Rounding rounding);

// amount × rate %, computed exactly, rounded once.
Money apply_rate(Money amount, Rate rate, Rounding rounding);

// An exact amount rounded to the increment (used for catalog amounts that are
// already whole minor units, so only a coarser increment changes them).
Money round_amount(Money amount, Rounding rounding);

// The exact value of amount × rate % as a decimal string with as many
// decimals as needed (at most exponent + 8), for explanations: "1997.5".
std::string format_exact_rate_product(Money amount, Rate rate, const Currency& currency);

}  // namespace plancalc
