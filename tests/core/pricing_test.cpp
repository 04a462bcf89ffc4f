#include "plancalc/pricing/pricing.hpp"

#include <gtest/gtest.h>

#include "plancalc/error/error.hpp"
#include "test_catalog.hpp"

using namespace plancalc;
using namespace plancalc::testing;

namespace {
std::string total(const Catalog& c, std::int64_t quantity, const char* on = "2026-01-01") {
  return format_amount(price_period(c, c.plans[0], quantity, parse_date(on, "")).total, *c.currency);
}
Price banded(PriceModel model) {
  Price p;
  p.model = model;
  p.bands = sample_bands();
  return p;
}
}  // namespace

TEST(pricing, graduated_prices_each_unit_by_its_band) {
  Catalog c = catalog_with(banded(PriceModel::graduated));
  // 10 × 10.00 + 40 × 8.00 + 10 × 6.00
  EXPECT_EQ(total(c, 60), "480.00");
  EXPECT_EQ(total(c, 10), "100.00");
  EXPECT_EQ(total(c, 11), "108.00");
  EXPECT_EQ(total(c, 1), "10.00");
  auto lines = price_period(c, c.plans[0], 60, parse_date("2026-01-01", "")).lines;
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].quantity, 40);
  EXPECT_EQ(lines[1].explanation.key, "price.graduated_band");
}

TEST(pricing, volume_prices_all_units_at_the_band_the_total_falls_in) {
  Catalog c = catalog_with(banded(PriceModel::volume));
  EXPECT_EQ(total(c, 60), "360.00");   // 60 × 6.00
  EXPECT_EQ(total(c, 50), "400.00");   // 50 × 8.00
  EXPECT_EQ(total(c, 10), "100.00");   // 10 × 10.00
  EXPECT_EQ(price_period(c, c.plans[0], 60, parse_date("2026-01-01", "")).lines.size(), 1u);
}

TEST(pricing, band_flat_fees_are_their_own_lines) {
  Price p = banded(PriceModel::graduated);
  p.bands[1].flat_amount = eur("5.00");
  Catalog c = catalog_with(p);
  EXPECT_EQ(total(c, 60), "485.00");
  EXPECT_EQ(total(c, 5), "50.00");  // band 2 not reached, no fee
  Price v = banded(PriceModel::volume);
  v.bands[2].flat_amount = eur("20.00");
  EXPECT_EQ(total(catalog_with(v), 60), "380.00");
}

TEST(pricing, package_rounds_partial_blocks_up) {
  Price p;
  p.model = PriceModel::package;
  p.package_size = 10;
  p.package_amount = eur("25.00");
  Catalog c = catalog_with(p);
  EXPECT_EQ(total(c, 21), "75.00");
  EXPECT_EQ(total(c, 20), "50.00");
  EXPECT_EQ(total(c, 1), "25.00");
}

TEST(pricing, flat_and_per_unit) {
  Price flat;
  flat.model = PriceModel::flat;
  flat.amount = eur("99.00");
  EXPECT_EQ(total(catalog_with(flat), 7), "99.00");
  Price unit;
  unit.model = PriceModel::per_unit;
  unit.unit_amount = eur("12.34");
  EXPECT_EQ(total(catalog_with(unit), 3), "37.02");
}

TEST(pricing, quantity_outside_the_plan_range_is_refused) {
  Price unit;
  unit.model = PriceModel::per_unit;
  unit.unit_amount = eur("1.00");
  Catalog c = catalog_with(unit);
  c.plans[0].min_quantity = 5;
  c.plans[0].max_quantity = 10;
  EXPECT_EQ(total(c, 5), "5.00");
  for (std::int64_t q : {4, 11}) {
    try {
      total(c, q);
      ADD_FAILURE() << q;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "quantity_out_of_range");
      EXPECT_EQ(e.path(), "/quantity");
    }
  }
}

TEST(pricing, list_rate_uses_the_list_price_in_force_and_rounds_once_per_unit) {
  Catalog c;
  c.vendor.id = "v8pro";
  c.currency = find_currency("RUB");
  c.rounding = {RoundingMode::half_up, 100};
  Money p7990 = parse_amount("7990", *c.currency, "");
  Money p8990 = parse_amount("8990", *c.currency, "");
  c.products.push_back({"report", "Report", {}, {{parse_date("2020-01-01", ""), p7990}, {parse_date("2026-06-01", ""), p8990}}, std::nullopt});
  c.tiers.push_back({"support", "Support", {}, 1, {}, std::nullopt});
  Plan plan;
  plan.id = "support";
  plan.tier = 0;
  plan.billing_months = 12;
  Price price;
  price.model = PriceModel::list_rate;
  price.product = 0;
  price.rate = parse_rate("25", "");
  plan.prices.push_back({std::nullopt, price});
  c.plans.push_back(plan);
  EXPECT_EQ(total(c, 1, "2026-05-25"), "1998.00");  // 25 % of 7990 = 1997.5
  EXPECT_EQ(total(c, 1, "2026-06-10"), "2248.00");  // 25 % of 8990 = 2247.5
  EXPECT_EQ(total(c, 2, "2026-05-25"), "3996.00");  // per licence: 2 × 1998
  auto period = price_period(c, c.plans[0], 1, parse_date("2026-06-10", ""));
  EXPECT_EQ(format_date(*period.price_from), "2026-06-01");
  try {
    total(c, 1, "2019-12-31");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "no_price_in_force");
  }
}

TEST(pricing, effective_dated_plan_prices) {
  Price old_price;
  old_price.model = PriceModel::per_unit;
  old_price.unit_amount = eur("10.00");
  Price new_price = old_price;
  new_price.unit_amount = eur("12.00");
  Catalog c = catalog_with(old_price);
  c.plans[0].prices = {{parse_date("2026-01-01", ""), old_price}, {parse_date("2027-01-01", ""), new_price}};
  EXPECT_EQ(total(c, 1, "2026-12-31"), "10.00");
  EXPECT_EQ(total(c, 1, "2027-01-01"), "12.00");
  EXPECT_THROW(total(c, 1, "2025-12-31"), Error);
}

TEST(pricing, graduated_is_never_below_volume_when_band_prices_fall) {
  Catalog g = catalog_with(banded(PriceModel::graduated));
  Catalog v = catalog_with(banded(PriceModel::volume));
  for (std::int64_t q = 1; q <= 500; ++q) {
    Money gt = price_period(g, g.plans[0], q, parse_date("2026-01-01", "")).total;
    Money vt = price_period(v, v.plans[0], q, parse_date("2026-01-01", "")).total;
    EXPECT_LE(vt, gt) << q;
  }
}

TEST(pricing, amounts_that_overflow_are_errors) {
  Price unit;
  unit.model = PriceModel::per_unit;
  unit.unit_amount = eur("92233720368547.00");
  Catalog c = catalog_with(unit);
  try {
    total(c, 1'000'000);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "amount_overflow");
  }
}
