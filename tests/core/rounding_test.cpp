#include "plancalc/money/rounding.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "plancalc/error/error.hpp"

using namespace plancalc;

namespace {
const Currency& rub() { return *find_currency("RUB"); }
Money rub_amount(const char* s) { return parse_amount(s, rub(), ""); }
Rate rate(const char* s) { return parse_rate(s, ""); }
Money whole_roubles(RoundingMode mode, const char* amount, const char* r) {
  return apply_rate(rub_amount(amount), rate(r), Rounding{mode, 100});
}
}  // namespace

// Seed 004: 25 % of 7990 RUB = 1997.50, in whole roubles.
TEST(rounding, seed_004_preferential_renewal_in_whole_roubles) {
  EXPECT_EQ(format_amount(whole_roubles(RoundingMode::half_up, "7990", "25"), rub()), "1998.00");
  EXPECT_EQ(format_amount(whole_roubles(RoundingMode::half_even, "7990", "25"), rub()), "1998.00");
  EXPECT_EQ(format_amount(whole_roubles(RoundingMode::down, "7990", "25"), rub()), "1997.00");
  EXPECT_EQ(format_amount(whole_roubles(RoundingMode::up, "7990", "25"), rub()), "1998.00");
}

TEST(rounding, seed_004_standard_renewal_in_whole_roubles) {
  // 45 % of 7990 = 3595.5
  EXPECT_EQ(format_amount(whole_roubles(RoundingMode::half_up, "7990", "45"), rub()), "3596.00");
  EXPECT_EQ(format_amount(whole_roubles(RoundingMode::half_even, "7990", "45"), rub()), "3596.00");
  EXPECT_EQ(format_amount(whole_roubles(RoundingMode::down, "7990", "45"), rub()), "3595.00");
  // 40 % (what the vendor's example really charged) is exact.
  EXPECT_EQ(format_amount(whole_roubles(RoundingMode::half_up, "7990", "40"), rub()), "3196.00");
}

TEST(rounding, half_even_differs_from_half_up_on_even_quotients) {
  // 25 % of 7990 and 25 % of 7994 -> 1997.5 and 1998.5
  EXPECT_EQ(whole_roubles(RoundingMode::half_even, "7994", "25").minor(), 199800);
  EXPECT_EQ(whole_roubles(RoundingMode::half_up, "7994", "25").minor(), 199900);
}

TEST(rounding, increments_of_one_cent_and_five_cents) {
  const Currency& chf = *find_currency("CHF");
  Money amount = parse_amount("10.33", chf, "");
  EXPECT_EQ(round_amount(amount, {RoundingMode::half_up, 5}).minor(), 1035);
  EXPECT_EQ(round_amount(parse_amount("10.32", chf, ""), {RoundingMode::half_up, 5}).minor(), 1030);
  EXPECT_EQ(round_amount(parse_amount("10.325", *find_currency("KWD"), ""), {RoundingMode::half_up, 10}).minor(), 10330);
  // 12.5 % of 99.99 = 12.49875 -> 12.50 (half up, 0.01), 12.49 down
  Money x = parse_amount("99.99", chf, "");
  EXPECT_EQ(apply_rate(x, rate("12.5"), {RoundingMode::half_up, 1}).minor(), 1250);
  EXPECT_EQ(apply_rate(x, rate("12.5"), {RoundingMode::down, 1}).minor(), 1249);
  EXPECT_EQ(apply_rate(x, rate("12.5"), {RoundingMode::up, 5}).minor(), 1250);
}

TEST(rounding, negative_amounts_round_symmetrically) {
  Money x = Money::from_minor(-199750);  // -1997.50
  EXPECT_EQ(round_amount(x, {RoundingMode::half_up, 100}).minor(), -199800);
  EXPECT_EQ(round_amount(x, {RoundingMode::down, 100}).minor(), -199700);
  EXPECT_EQ(round_amount(x, {RoundingMode::up, 100}).minor(), -199800);
  EXPECT_EQ(round_amount(x, {RoundingMode::half_even, 100}).minor(), -199800);
}

TEST(rounding, large_products_are_exact_with_128_bit_intermediates) {
  // 92 233 720 368 547 758.07 × 100 % stays exact; × 1000 % overflows int64.
  Money max = Money::from_minor(std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(apply_rate(max, rate("100"), {RoundingMode::half_up, 1}), max);
  try {
    apply_rate(max, rate("1000"), {RoundingMode::half_up, 1});
    FAIL() << "expected amount_overflow";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "amount_overflow");
  }
}

TEST(rounding, stays_within_one_increment_of_the_exact_value) {
  for (std::int64_t minor = 0; minor < 20000; minor += 13) {
    for (RoundingMode mode : {RoundingMode::half_up, RoundingMode::half_even, RoundingMode::up, RoundingMode::down}) {
      Money r = round_quotient(minor * 37, 100, {mode, 5});
      Int128 exact_times_100 = static_cast<Int128>(minor) * 37;
      Int128 diff = static_cast<Int128>(r.minor()) * 100 - exact_times_100;
      if (diff < 0) diff = -diff;
      EXPECT_LE(diff, 5 * 100);
      EXPECT_EQ(r.minor() % 5, 0);
    }
  }
}

TEST(rounding, rates_parse_exactly) {
  EXPECT_EQ(rate("25").micro_percent(), 25'000'000);
  EXPECT_EQ(rate("12.5").micro_percent(), 12'500'000);
  EXPECT_EQ(rate("0.000001").micro_percent(), 1);
  EXPECT_EQ(rate("1000").micro_percent(), 1'000'000'000);
  EXPECT_EQ(format_rate(rate("12.50")), "12.5");
  EXPECT_EQ(format_rate(rate("45")), "45");
  for (const char* bad : {"", "-5", "1000.000001", "10000", "1.0000001", "25%", "2.", ".5", "1e2"}) {
    try {
      parse_rate(bad, "/rate");
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "invalid_rate") << bad;
    }
  }
}

TEST(rounding, explains_the_exact_product) {
  EXPECT_EQ(format_exact_rate_product(rub_amount("7990"), rate("25"), rub()), "1997.5");
  EXPECT_EQ(format_exact_rate_product(rub_amount("7990"), rate("40"), rub()), "3196");
  EXPECT_EQ(format_exact_rate_product(rub_amount("99.99"), rate("12.5"), rub()), "12.49875");
  EXPECT_EQ(format_exact_rate_product(Money::from_minor(-7990), rate("25"), rub()), "-19.975");
  EXPECT_EQ(format_exact_rate_product(rub_amount("0"), rate("25"), rub()), "0");
  // 0.01 × 0.000001 % = 0.0000000001: every digit a decimal, zeros in front.
  EXPECT_EQ(format_exact_rate_product(rub_amount("0.01"), rate("0.000001"), rub()), "0.0000000001");
  EXPECT_EQ(format_exact_rate_product(rub_amount("0.10"), rate("0.000001"), rub()), "0.000000001");
  // Beyond 2^64 before the point is placed: 200000000001 × 10^8 has zeros
  // inside its last 19 digits; the largest amount at 100 % and 250 %
  // (9223372036854775807 / 100 × 5 / 2 = 230584300921369395.175).
  EXPECT_EQ(format_exact_rate_product(rub_amount("2000000000.01"), rate("100"), rub()), "2000000000.01");
  EXPECT_EQ(format_exact_rate_product(Money::from_minor(std::numeric_limits<std::int64_t>::max()), rate("100"), rub()),
            "92233720368547758.07");
  EXPECT_EQ(format_exact_rate_product(Money::from_minor(std::numeric_limits<std::int64_t>::max()), rate("250"), rub()),
            "230584300921369395.175");
  EXPECT_EQ(format_exact_rate_product(Money::from_minor(std::numeric_limits<std::int64_t>::min() + 1), rate("100"), rub()),
            "-92233720368547758.07");
}

TEST(rounding, mode_names) {
  RoundingMode m;
  EXPECT_TRUE(parse_rounding_mode("half_even", m));
  EXPECT_EQ(m, RoundingMode::half_even);
  EXPECT_FALSE(parse_rounding_mode("bankers", m));
  EXPECT_STREQ(to_string(RoundingMode::down), "down");
}
