// What a plan meters, as the catalog states it: allowances (e.g. 5 support
// tickets a month) with their overage, and hourly services billed in
// increments. Charging for usage is pricing/usage.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include "plancalc/catalog/names.hpp"
#include "plancalc/money/money.hpp"

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

}  // namespace plancalc
