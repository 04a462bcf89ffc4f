// Usage a plan meters: allowances (e.g. 5 support tickets a month, expiring
// monthly unless they roll over) with overage bought per unit or in packs,
// and hourly work outside the plan's scope billed in minimum increments.
// Usage is given per month and is the same every month of a quote.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plancalc/explanation/explanation.hpp"
#include "plancalc/money/money.hpp"
#include "plancalc/catalog/allowance.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc {

// Expected usage per month: key -> units (allowances) or minutes (services).
using Usage = std::vector<std::pair<std::string, std::int64_t>>;

// A usage line for one month: the extra units (or billable minutes), what
// one month costs, and the explanation. Money is exact (per-unit and pack
// prices) or rounded once (hourly work).
struct MonthlyUsage {
  std::int64_t quantity = 0;              // extra units, packs or billable minutes
  std::optional<Money> unit_amount;
  Money amount = Money::zero();           // one month
  Explanation explanation;
};

// Errors: usage_not_covered when usage exceeds the allowance and no extra
// units are sold.
MonthlyUsage allowance_month(const Allowance& allowance, std::int64_t plan_quantity,
                             std::int64_t usage, const std::string& path);
MonthlyUsage hourly_month(const HourlyService& service, std::int64_t minutes,
                          Rounding rounding);

}  // namespace plancalc
