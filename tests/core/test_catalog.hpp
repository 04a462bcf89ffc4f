// Small catalogs built in code for unit tests.
#pragma once

#include "plancalc/catalog/catalog.hpp"

namespace plancalc::testing {

inline Money eur(const char* s) { return parse_amount(s, *find_currency("EUR"), ""); }

inline std::vector<Band> sample_bands() {
  // 1–10 @ 10.00, 11–50 @ 8.00, 51+ @ 6.00
  return {{10, eur("10.00"), Money::zero()}, {50, eur("8.00"), Money::zero()},
          {std::nullopt, eur("6.00"), Money::zero()}};
}

inline Catalog catalog_with(Price price, int billing_months = 1) {
  Catalog c;
  c.vendor.id = "test";
  c.currency = find_currency("EUR");
  c.rounding = {RoundingMode::half_up, 1};
  c.tiers.push_back({"basic", "Basic", {}, 1, {}, std::nullopt});
  Plan p;
  p.id = "basic";
  p.tier = 0;
  p.billing_months = billing_months;
  p.prices.push_back({std::nullopt, std::move(price)});
  c.plans.push_back(std::move(p));
  return c;
}

}  // namespace plancalc::testing
