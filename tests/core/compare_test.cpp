#include "plancalc/pricing/compare.hpp"

#include <gtest/gtest.h>

#include "test_catalog.hpp"

using namespace plancalc;
using namespace plancalc::testing;

namespace {
// Two tiers, each monthly and annual (annual = 10 months' price).
Catalog two_tiers() {
  Catalog c;
  c.vendor.id = "test";
  c.currency = find_currency("EUR");
  c.rounding = {RoundingMode::half_up, 1};
  c.tiers.push_back({"premium", "Premium", {}, 2, {{"phone", "Phone", {}}, {"email", "E-mail", {}}}, std::nullopt});
  c.tiers.push_back({"standard", "Standard", {}, 1, {{"email", "E-mail", {}}}, std::nullopt});
  auto add = [&](const char* id, int tier, int months, const char* unit_amount) {
    Plan p;
    p.id = id;
    p.tier = tier;
    p.billing_months = months;
    Price price;
    price.model = PriceModel::per_unit;
    price.unit_amount = eur(unit_amount);
    p.prices.push_back({std::nullopt, price});
    c.plans.push_back(p);
  };
  add("premium-annual", 0, 12, "300.00");
  add("premium-monthly", 0, 1, "30.00");
  add("standard-monthly", 1, 1, "10.00");
  add("standard-annual", 1, 12, "100.00");
  return c;
}
CompareRequest all(const Catalog& c, std::int64_t quantity, int horizon) {
  CompareRequest r;
  for (const Plan& p : c.plans) r.plans.push_back(&p);
  r.quantity = quantity;
  r.start = parse_date("2026-03-01", "");
  r.horizon_months = horizon;
  return r;
}
std::string money(Money m) { return format_amount(m, *find_currency("EUR")); }
}  // namespace

TEST(compare, rows_by_tier_rank_then_period_and_ranked_by_horizon_total) {
  Catalog c = two_tiers();
  Comparison cmp = compare(c, all(c, 2, 36));
  ASSERT_EQ(cmp.rows.size(), 4u);
  EXPECT_EQ(cmp.rows[0].plan->id, "standard-monthly");
  EXPECT_EQ(cmp.rows[1].plan->id, "standard-annual");
  EXPECT_EQ(cmp.rows[2].plan->id, "premium-monthly");
  EXPECT_EQ(cmp.rows[3].plan->id, "premium-annual");
  // 36 × 20.00 = 720.00; 3 × 200.00 = 600.00; 36 × 60.00 = 2160.00; 3 × 600.00 = 1800.00
  EXPECT_EQ(money(cmp.rows[0].quote->horizon_total), "720.00");
  EXPECT_EQ(money(cmp.rows[1].quote->horizon_total), "600.00");
  EXPECT_EQ(money(cmp.rows[2].quote->horizon_total), "2160.00");
  EXPECT_EQ(money(cmp.rows[3].quote->horizon_total), "1800.00");
  EXPECT_EQ(cmp.rows[1].rank, 1);
  EXPECT_EQ(cmp.rows[0].rank, 2);
  EXPECT_EQ(cmp.rows[3].rank, 3);
  EXPECT_EQ(cmp.rows[2].rank, 4);
  ASSERT_NE(cmp.cheapest, nullptr);
  EXPECT_EQ(cmp.cheapest->plan->id, "standard-annual");
  EXPECT_EQ(cmp.cheapest_explanation.key, "compare.cheapest");
}

TEST(compare, annual_savings_per_tier) {
  Catalog c = two_tiers();
  Comparison cmp = compare(c, all(c, 2, 36));
  ASSERT_EQ(cmp.savings.size(), 2u);
  const Saving& s = cmp.savings[0];
  EXPECT_EQ(s.tier->id, "standard");
  EXPECT_EQ(money(s.shorter_cost), "240.00");  // 12 × 20.00
  EXPECT_EQ(money(s.longer_cost), "200.00");
  EXPECT_EQ(money(s.saving), "40.00");
  EXPECT_EQ(format_permille(s.permille), "16.7");  // 40 / 240 = 16.67 %
  EXPECT_EQ(cmp.savings[1].tier->id, "premium");
  EXPECT_EQ(money(cmp.savings[1].saving), "120.00");
}

TEST(compare, equal_totals_share_a_rank_and_unpriceable_rows_carry_their_error) {
  Catalog c = two_tiers();
  c.plans[2].min_quantity = 5;  // standard-monthly needs 5 seats
  c.plans[0].prices[0].price.unit_amount = eur("100.00");  // premium-annual = standard-annual
  Comparison cmp = compare(c, all(c, 2, 12));
  EXPECT_EQ(cmp.rows[0].plan->id, "standard-monthly");
  EXPECT_FALSE(cmp.rows[0].quote.has_value());
  EXPECT_EQ(cmp.rows[0].error->code(), "quantity_out_of_range");
  EXPECT_EQ(cmp.rows[0].rank, 0);
  EXPECT_EQ(cmp.rows[1].rank, 1);
  EXPECT_EQ(cmp.rows[3].rank, 1);
  EXPECT_EQ(cmp.rows[2].rank, 3);
}

TEST(compare, feature_matrix_follows_tier_rank) {
  Catalog c = two_tiers();
  auto rows = feature_matrix(c);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].feature->id, "email");
  EXPECT_TRUE(rows[0].in_tier[0]);
  EXPECT_TRUE(rows[0].in_tier[1]);
  EXPECT_EQ(rows[1].feature->id, "phone");
  EXPECT_TRUE(rows[1].in_tier[0]);
  EXPECT_FALSE(rows[1].in_tier[1]);
}
