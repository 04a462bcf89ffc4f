// One billing period's charge as the customer pays it: the plan price lines,
// the usage lines (overage, hourly work) for every month of the period, the
// discounts that hold, and tax. Each line is rounded at most once; totals are
// sums of lines.
#pragma once

#include <optional>
#include <vector>

#include "plancalc/catalog/catalog.hpp"
#include "plancalc/pricing/apply_discounts.hpp"
#include "plancalc/pricing/pricing.hpp"
#include "plancalc/pricing/usage.hpp"

namespace plancalc {

// What the customer expects to use and who they are.
struct Purchase {
  Usage usage;  // per month
  CustomerContext customer;
  // Discounts a seller negotiated (op proposal): percent discounts without
  // conditions, applied after the catalog's own, stacked by the catalog's
  // rule; their lines are explained as discount.negotiated.
  std::vector<Discount> negotiated;
};

struct PricedCharge {
  std::vector<Line> lines;   // plan, usage, discount (negative)
  Money subtotal = Money::zero();  // sum of lines: the net, or the gross when tax is inclusive
  std::optional<Line> tax;   // none without a catalog tax
  Money net = Money::zero();
  Money total = Money::zero();  // what is due: net + tax
  std::optional<Date> price_from;
};

// Errors: those of price_period, usage_not_covered, amount_overflow.
PricedCharge price_charge(const Catalog& catalog, const Plan& plan, std::int64_t quantity, Date start,
                          const Purchase& purchase);

// The plan's allowance for a usage key, or nullptr when the plan does not meter it.
const Allowance* find_allowance(const Plan& plan, const std::string& id);

}  // namespace plancalc
