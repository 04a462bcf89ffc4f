#include "plancalc/calendar/calendar.hpp"

#include <gtest/gtest.h>

#include "plancalc/error/error.hpp"

using namespace plancalc;

namespace {
Date d(const char* s) { return parse_date(s, ""); }
std::string code_of(const char* s) {
  try {
    parse_date(s, "/start");
  } catch (const Error& e) {
    return e.code();
  }
  return "no error";
}
}  // namespace

TEST(calendar, strict_parsing_rejects_impossible_dates) {
  EXPECT_EQ(code_of("2026-02-30"), "invalid_date");
  EXPECT_EQ(code_of("2026-13-01"), "invalid_date");
  EXPECT_EQ(code_of("2026-00-10"), "invalid_date");
  EXPECT_EQ(code_of("2026-04-31"), "invalid_date");
  EXPECT_EQ(code_of("2027-02-29"), "invalid_date");
  EXPECT_EQ(code_of("2026-1-01"), "invalid_date");
  EXPECT_EQ(code_of("2026/01/01"), "invalid_date");
  EXPECT_EQ(code_of("2026-01-01T00:00"), "invalid_date");
  EXPECT_EQ(code_of(""), "invalid_date");
  EXPECT_EQ(code_of("1899-12-31"), "invalid_date");
  EXPECT_EQ(code_of("3000-01-01"), "invalid_date");
  EXPECT_EQ(code_of("+026-01-01"), "invalid_date");
  EXPECT_EQ(format_date(d("2028-02-29")), "2028-02-29");
  EXPECT_EQ(format_date(d("2000-02-29")), "2000-02-29");
  EXPECT_EQ(code_of("2100-02-29"), "invalid_date");
}

TEST(calendar, every_day_from_1900_to_2200_round_trips) {
  Date day = d("1900-01-01");
  Date end = d("2200-12-31");
  int count = 0;
  while (day <= end) {
    std::string text = format_date(day);
    ASSERT_EQ(d(text.c_str()), day) << text;
    day = Date::from_days(day.days() + 1);
    ++count;
  }
  // 301 years, 73 leap years (1900 and 2100 are not leap, 2000 is).
  EXPECT_EQ(count, 301 * 365 + 73);
}

TEST(calendar, add_months_clamps_to_the_last_day) {
  EXPECT_EQ(format_date(add_months_clamped(d("2026-01-31"), 1)), "2026-02-28");
  EXPECT_EQ(format_date(add_months_clamped(d("2028-01-31"), 1)), "2028-02-29");
  EXPECT_EQ(format_date(add_months_clamped(d("2026-03-31"), 1)), "2026-04-30");
  EXPECT_EQ(format_date(add_months_clamped(d("2026-05-20"), 12)), "2027-05-20");
  EXPECT_EQ(format_date(add_months_clamped(d("2028-02-29"), 12)), "2029-02-28");
  EXPECT_EQ(format_date(add_months_clamped(d("2026-03-31"), -1)), "2026-02-28");
  EXPECT_EQ(format_date(add_months_clamped(d("2026-12-15"), 1)), "2027-01-15");
}

TEST(calendar, billing_periods_are_anchored_on_the_start_not_chained) {
  Date start = d("2026-01-31");
  EXPECT_EQ(format_date(period_start(start, 0, 1)), "2026-01-31");
  EXPECT_EQ(format_date(period_start(start, 1, 1)), "2026-02-28");
  EXPECT_EQ(format_date(period_start(start, 2, 1)), "2026-03-31");
  EXPECT_EQ(format_date(period_start(start, 3, 1)), "2026-04-30");
  EXPECT_EQ(format_date(period_start(d("2028-01-31"), 1, 1)), "2028-02-29");
  EXPECT_EQ(format_date(period_start(d("2028-01-31"), 2, 1)), "2028-03-31");
  // Chaining would have drifted: 02-28 + 1 month = 03-28.
  EXPECT_EQ(format_date(add_months_clamped(period_start(start, 1, 1), 1)), "2026-03-28");
}

TEST(calendar, days_between_and_weekdays) {
  EXPECT_EQ(days_between(d("2026-01-01"), d("2027-01-01")), 365);
  EXPECT_EQ(days_between(d("2028-01-01"), d("2029-01-01")), 366);
  EXPECT_EQ(days_between(d("2026-05-20"), d("2026-06-10")), 21);
  EXPECT_EQ(days_between(d("2026-06-10"), d("2026-05-20")), -21);
  EXPECT_EQ(iso_weekday(d("2026-11-20")), 5);  // a Friday
  EXPECT_EQ(iso_weekday(d("2026-11-23")), 1);  // a Monday
}

TEST(calendar, arithmetic_outside_the_supported_years_is_an_error) {
  try {
    add_months_clamped(d("2999-06-01"), 12);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "invalid_date");
  }
}
