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

#include "plancalc/explanation.hpp"
#include "plancalc/money.hpp"
#include "plancalc/policy.hpp"
#include "plancalc/rounding.hpp"

namespace plancalc {

struct Overage {
  enum class Model { per_unit, package } model = Model::per_unit;
  Money unit_amount = Money::zero();     // per_unit
  std::int64_t package_size = 1;         // package
  Money package_amount = Money::zero();  // package
  bool current_month_only = true;        // extra units expire with the month (seed 003)
};

struct Allowance {
  std::string id;      // the usage key, e.g. "tickets"
  std::string name;
  Names names;
  std::string unit;    // e.g. "ticket"
  std::int64_t included = 0;      // per month
  bool per_quantity = false;      // included × the plan's quantity
  bool rollover = false;          // unused units carry to the next month
  std::optional<Overage> overage;  // none: no extra units are sold
};

struct HourlyService {
  std::string id;  // the usage key; usage is given in minutes per month
  std::string name;
  Names names;
  Money rate_per_hour = Money::zero();
  int increment_minutes = 1;  // billed in whole increments, rounded up
  int minimum_minutes = 0;    // at least this much when any work is done
};

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
