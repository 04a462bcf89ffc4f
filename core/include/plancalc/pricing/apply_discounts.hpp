// Discounts: a percentage or a fixed amount off a billing period, when its
// conditions hold (customer context such as deployment = cloud, billing
// period, quantity, validity dates, a coupon code). Stacking is declared by
// the catalog: `sequential` applies every discount that holds, in declared
// order, each on what the previous ones left; `exclusive` applies only the
// largest single one. A discount never takes a period below zero.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plancalc/explanation/explanation.hpp"
#include "plancalc/money/money.hpp"
#include "plancalc/catalog/discount.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc {

// What the request says about the customer.
struct CustomerContext {
  std::vector<std::pair<std::string, std::string>> values;
  std::optional<std::string> coupon;
};

struct DiscountLine {
  const Discount* discount = nullptr;
  Money amount = Money::zero();  // positive: the amount taken off
  Explanation explanation;
};

struct DiscountTarget {
  int plan = -1;  // index into Catalog::plans
  int billing_months = 1;
  std::int64_t quantity = 1;
  Date period_start = Date::from_days(0);
  Money plan_amount = Money::zero();   // the plan lines
  Money usage_amount = Money::zero();  // the usage lines
};

bool discount_applies(const Discount& d, const DiscountTarget& t, const CustomerContext& c);

// A negotiated discount (op proposal): percent, no conditions, on the plan
// and usage lines; `reason` is what the seller agreed it for, `scope`
// "item" or "proposal".
Discount negotiated_discount(Rate rate, std::string reason, std::string scope);

// The explanation of a line of a negotiated discount: discount.negotiated
// {scope, reason, rate, base, amount}.
Explanation negotiated_explanation(const DiscountLine& line);

std::vector<DiscountLine> apply_discounts(const std::vector<Discount>& discounts, Stacking stacking,
                                          const DiscountTarget& target, const CustomerContext& context,
                                          Rounding rounding);

}  // namespace plancalc
