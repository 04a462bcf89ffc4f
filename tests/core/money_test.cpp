#include "plancalc/money/money.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "plancalc/error/error.hpp"

using namespace plancalc;

namespace {
const Currency& eur() { return *find_currency("EUR"); }
const Currency& jpy() { return *find_currency("JPY"); }
const Currency& kwd() { return *find_currency("KWD"); }

std::string error_code(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return "no error";
}
}  // namespace

TEST(money, currency_table_has_iso_exponents) {
  EXPECT_EQ(find_currency("EUR")->exponent, 2);
  EXPECT_EQ(find_currency("SEK")->exponent, 2);
  EXPECT_EQ(find_currency("RUB")->exponent, 2);
  EXPECT_EQ(find_currency("USD")->exponent, 2);
  EXPECT_EQ(find_currency("JPY")->exponent, 0);
  EXPECT_EQ(find_currency("KWD")->exponent, 3);
  EXPECT_EQ(find_currency("XXX"), nullptr);
  EXPECT_EQ(find_currency("eur"), nullptr);
}

TEST(money, parses_decimal_strings_into_minor_units) {
  EXPECT_EQ(parse_amount("7990", eur(), "").minor(), 799000);
  EXPECT_EQ(parse_amount("7990.5", eur(), "").minor(), 799050);
  EXPECT_EQ(parse_amount("7990.05", eur(), "").minor(), 799005);
  EXPECT_EQ(parse_amount("0.01", eur(), "").minor(), 1);
  EXPECT_EQ(parse_amount("1998", jpy(), "").minor(), 1998);
  EXPECT_EQ(parse_amount("1.234", kwd(), "").minor(), 1234);
  EXPECT_EQ(parse_amount("-0.50", eur(), "", true).minor(), -50);
}

TEST(money, too_many_decimals_is_an_error_not_a_rounding) {
  EXPECT_EQ(error_code([] { parse_amount("7990.001", eur(), "/x"); }), "too_many_decimals");
  EXPECT_EQ(error_code([] { parse_amount("1.5", jpy(), "/x"); }), "too_many_decimals");
  try {
    parse_amount("7990.001", eur(), "/plans/0/price/unit_amount");
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "EUR amounts have at most 2 decimals, got '7990.001'");
    EXPECT_EQ(e.path(), "/plans/0/price/unit_amount");
  }
}

TEST(money, rejects_malformed_amounts) {
  for (const char* bad : {"", "-", ".5", "5.", "1,00", "1e3", " 1", "1 ", "+1", "0x10", "１"}) {
    EXPECT_EQ(error_code([&] { parse_amount(bad, eur(), ""); }), "invalid_amount") << bad;
  }
  EXPECT_EQ(error_code([] { parse_amount("-1", eur(), ""); }), "invalid_amount");
}

TEST(money, overflow_is_an_error_not_a_wrap) {
  EXPECT_EQ(parse_amount("92233720368547758.07", eur(), "").minor(),
            std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(error_code([] { parse_amount("92233720368547758.08", eur(), ""); }), "amount_overflow");
  EXPECT_EQ(error_code([] { parse_amount("1000000000000000000000000000000", eur(), ""); }),
            "amount_overflow");
  Money big = Money::from_minor(std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(error_code([&] { add(big, Money::from_minor(1)); }), "amount_overflow");
  EXPECT_EQ(error_code([&] { multiply(big, 2); }), "amount_overflow");
  EXPECT_EQ(error_code([&] { subtract(Money::from_minor(std::numeric_limits<std::int64_t>::min()), Money::from_minor(1)); }),
            "amount_overflow");
}

TEST(money, formats_with_exactly_the_currency_decimals) {
  EXPECT_EQ(format_amount(Money::from_minor(799000), eur()), "7990.00");
  EXPECT_EQ(format_amount(Money::from_minor(5), eur()), "0.05");
  EXPECT_EQ(format_amount(Money::from_minor(0), eur()), "0.00");
  EXPECT_EQ(format_amount(Money::from_minor(-50), eur()), "-0.50");
  EXPECT_EQ(format_amount(Money::from_minor(1998), jpy()), "1998");
  EXPECT_EQ(format_amount(Money::from_minor(1234), kwd()), "1.234");
  EXPECT_EQ(format_amount(Money::from_minor(std::numeric_limits<std::int64_t>::min()), eur()),
            "-92233720368547758.08");
}

TEST(money, parse_and_format_round_trip) {
  for (std::int64_t minor = -100000; minor <= 100000; minor += 7) {
    Money m = Money::from_minor(minor);
    EXPECT_EQ(parse_amount(format_amount(m, eur()), eur(), "", true), m);
    EXPECT_EQ(parse_amount(format_amount(m, kwd()), kwd(), "", true), m);
  }
}
