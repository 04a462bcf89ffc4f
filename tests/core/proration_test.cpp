#include "plancalc/contract/proration.hpp"

#include <gtest/gtest.h>

using namespace plancalc;

namespace {
Date d(const char* s) { return parse_date(s, ""); }
const Rounding cents{RoundingMode::half_up, 1};
}  // namespace

TEST(proration, actual_days_in_a_common_and_a_leap_year) {
  ProrationDays common = proration_days(d("2026-07-02"), d("2026-01-01"), d("2027-01-01"), 12, ProrationBasis::actual_days);
  EXPECT_EQ(common.remaining, 183);
  EXPECT_EQ(common.term, 365);
  ProrationDays leap = proration_days(d("2028-07-02"), d("2028-01-01"), d("2029-01-01"), 12, ProrationBasis::actual_days);
  EXPECT_EQ(leap.remaining, 183);
  EXPECT_EQ(leap.term, 366);
  // 300.00 × 183 / 365 = 150.4109… and × 183 / 366 = 150.00 exactly
  EXPECT_EQ(prorate(Money::from_minor(30000), common, cents).minor(), 15041);
  EXPECT_EQ(prorate(Money::from_minor(30000), leap, cents).minor(), 15000);
}

TEST(proration, thirty_day_months) {
  ProrationDays days = proration_days(d("2026-07-02"), d("2026-01-01"), d("2027-01-01"), 12, ProrationBasis::thirty_day_months);
  EXPECT_EQ(days.term, 360);
  EXPECT_EQ(days.remaining, 179);  // 30E/360 from 07-02 to 01-01: 6 × 30 − 1
  EXPECT_EQ(days_30e_360(d("2026-01-31"), d("2026-02-28")), 28);
  EXPECT_EQ(days_30e_360(d("2026-01-30"), d("2026-03-31")), 60);
  // 300.00 × 179 / 360 = 149.1666… -> 149.17
  EXPECT_EQ(prorate(Money::from_minor(30000), days, cents).minor(), 14917);
}

TEST(proration, dates_outside_the_term_are_clamped) {
  EXPECT_EQ(proration_days(d("2025-12-01"), d("2026-01-01"), d("2027-01-01"), 12, ProrationBasis::actual_days).remaining, 365);
  EXPECT_EQ(proration_days(d("2027-02-01"), d("2026-01-01"), d("2027-01-01"), 12, ProrationBasis::actual_days).remaining, 0);
}

TEST(proration, a_term_split_at_any_day_sums_to_the_whole_within_one_increment) {
  Money amount = Money::from_minor(123457);
  Date start = d("2028-01-01"), end = d("2029-01-01");
  for (Date split = start; split <= end; split = Date::from_days(split.days() + 1)) {
    ProrationDays after = proration_days(split, start, end, 12, ProrationBasis::actual_days);
    ProrationDays before{after.term - after.remaining, after.term};
    std::int64_t sum = prorate(amount, before, cents).minor() + prorate(amount, after, cents).minor();
    EXPECT_LE(std::abs(sum - amount.minor()), 1) << format_date(split);
  }
}
