#include "plancalc/pricing/quote.hpp"

#include <gtest/gtest.h>

#include "test_catalog.hpp"

using namespace plancalc;
using namespace plancalc::testing;

namespace {
Catalog monthly_per_unit(const char* unit_amount, int months = 1) {
  Price p;
  p.model = PriceModel::per_unit;
  p.unit_amount = eur(unit_amount);
  return catalog_with(p, months);
}
std::string money(const Catalog& c, Money m) { return format_amount(m, *c.currency); }
}  // namespace

TEST(quote, monthly_schedule_is_anchored_on_the_start) {
  Catalog c = monthly_per_unit("10.00");
  Quote q = quote(c, {&c.plans[0], 3, parse_date("2026-01-31", ""), 4, {}});
  ASSERT_EQ(q.schedule.size(), 4u);
  EXPECT_EQ(format_date(q.schedule[0].start), "2026-01-31");
  EXPECT_EQ(format_date(q.schedule[1].start), "2026-02-28");
  EXPECT_EQ(format_date(q.schedule[2].start), "2026-03-31");
  EXPECT_EQ(format_date(q.schedule[3].start), "2026-04-30");
  EXPECT_EQ(format_date(q.schedule[3].end), "2026-05-31");
  EXPECT_EQ(money(c, q.horizon_total), "120.00");
  EXPECT_EQ(money(c, q.effective_per_month), "30.00");
}

TEST(quote, a_period_running_past_the_horizon_is_charged_whole) {
  Catalog c = monthly_per_unit("120.00", 12);
  Quote q = quote(c, {&c.plans[0], 1, parse_date("2026-03-01", ""), 18, {}});
  ASSERT_EQ(q.schedule.size(), 2u);
  EXPECT_EQ(format_date(q.horizon_end), "2027-09-01");
  EXPECT_EQ(format_date(q.covered_until()), "2028-03-01");
  EXPECT_EQ(money(c, q.horizon_total), "240.00");
  EXPECT_EQ(money(c, q.effective_per_month), "10.00");
}

TEST(quote, effective_per_month_is_rounded_once_with_the_catalog_rule) {
  Catalog c = monthly_per_unit("100.00", 12);  // 100.00 / 12 = 8.333…
  Quote q = quote(c, {&c.plans[0], 1, parse_date("2026-03-01", ""), 12, {}});
  EXPECT_EQ(money(c, q.effective_per_month), "8.33");
  c.rounding = {RoundingMode::up, 1};
  EXPECT_EQ(money(c, quote(c, {&c.plans[0], 1, parse_date("2026-03-01", ""), 12, {}}).effective_per_month), "8.34");
}

TEST(quote, price_changes_apply_from_the_period_they_are_in_force) {
  Catalog c = monthly_per_unit("10.00", 12);
  Price later = c.plans[0].prices[0].price;
  later.unit_amount = eur("11.00");
  c.plans[0].prices = {{parse_date("2020-01-01", ""), c.plans[0].prices[0].price},
                       {parse_date("2027-06-01", ""), later}};
  Quote q = quote(c, {&c.plans[0], 10, parse_date("2026-03-01", ""), 36, {}});
  ASSERT_EQ(q.schedule.size(), 3u);
  EXPECT_EQ(money(c, q.schedule[0].priced.total), "100.00");
  EXPECT_EQ(money(c, q.schedule[1].priced.total), "100.00");  // 2027-03-01: old price
  EXPECT_EQ(money(c, q.schedule[2].priced.total), "110.00");  // 2028-03-01: new price
  EXPECT_EQ(format_date(*q.schedule[2].priced.price_from), "2027-06-01");
  EXPECT_EQ(money(c, q.horizon_total), "310.00");
}
