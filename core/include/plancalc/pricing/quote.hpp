// quote: what one plan costs — the first billing period line by line, the
// effective price per month, and the schedule of charges over a horizon.
#pragma once

#include <cstdint>
#include <vector>

#include "plancalc/catalog/catalog.hpp"
#include "plancalc/pricing/charge.hpp"

namespace plancalc {

struct QuoteRequest {
  const Plan* plan = nullptr;
  std::int64_t quantity = 1;
  Date start = Date::from_days(0);
  int horizon_months = 36;
  Purchase purchase;  // expected usage, customer context, coupon
};

struct Charge {
  int index = 0;  // 1-based
  Date start = Date::from_days(0);
  Date end = Date::from_days(0);
  PricedCharge priced;
};

struct Quote {
  const Plan* plan = nullptr;
  std::int64_t quantity = 0;
  std::vector<Charge> schedule;  // schedule[0] is the first period
  Money effective_per_month = Money::zero();
  Date horizon_end = Date::from_days(0);
  Money horizon_total = Money::zero();
  Money horizon_net = Money::zero();
  Money horizon_tax = Money::zero();

  const Charge& first() const { return schedule.front(); }
  Date covered_until() const { return schedule.back().end; }
};

// Errors: quantity_out_of_range, no_price_in_force, amount_overflow, invalid_date.
Quote quote(const Catalog& catalog, const QuoteRequest& request);

}  // namespace plancalc
