// Price models: what one billing period of a plan costs for a quantity.
//
// flat, per_unit, graduated (each unit priced by the band it falls in),
// volume (every unit priced by the band the total falls in), package (per
// block of N units, partial blocks round up) and list_rate (a rate of a
// product's list price in force on the charge date). Each model yields line
// items with explanations; only list_rate needs rounding, applied once to
// the price of one unit.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "plancalc/catalog/catalog.hpp"
#include "plancalc/explanation/explanation.hpp"

namespace plancalc {

struct Line {
  std::string_view kind;  // "plan" for a plan price line: a string literal
  std::int64_t quantity = 0;
  std::optional<Money> unit_amount;
  Money amount = Money::zero();
  Explanation explanation;
};

struct PricedPeriod {
  std::vector<Line> lines;
  Money total = Money::zero();
  std::optional<Date> price_from;  // since when this price is in force
};

// The product's list price in force on `on`. Error: no_price_in_force at `path`.
const DatedAmount& list_price_on(const Product& product, Date on, const char* path);

// The plan price version in force on `on`. Error: no_price_in_force.
const DatedPrice& price_in_force(const Plan& plan, Date on);

// The lines of one billing period starting on `on` for `quantity` units.
// Errors: quantity_out_of_range, no_price_in_force, amount_overflow.
PricedPeriod price_period(const Catalog& catalog, const Plan& plan, std::int64_t quantity, Date on);

// Checks quantity against the plan's bounds. Error: quantity_out_of_range.
void check_quantity(const Plan& plan, std::int64_t quantity);

}  // namespace plancalc
