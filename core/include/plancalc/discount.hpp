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

#include "plancalc/explanation.hpp"
#include "plancalc/money.hpp"
#include "plancalc/policy.hpp"
#include "plancalc/rounding.hpp"

namespace plancalc {

struct Discount {
  std::string id;
  std::string name;
  Names names;
  enum class Kind { percent, fixed } kind = Kind::percent;
  Rate rate = Rate::from_micro_percent(0);  // percent
  Money amount = Money::zero();             // fixed, per billing period
  bool includes_usage = false;              // applies to usage lines too, not only the plan price
  // Conditions; each absent one holds.
  std::vector<std::pair<std::string, std::string>> context;  // all must equal the request's
  std::vector<int> billing_months;
  std::vector<int> plans;  // indices into Catalog::plans
  std::optional<std::int64_t> min_quantity;
  std::optional<Date> valid_from;   // inclusive, compared with the period start
  std::optional<Date> valid_until;  // exclusive
  std::optional<std::string> coupon;
};

enum class Stacking { sequential, exclusive };
const char* to_string(Stacking stacking);

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

std::vector<DiscountLine> apply_discounts(const std::vector<Discount>& discounts, Stacking stacking,
                                          const DiscountTarget& target, const CustomerContext& context,
                                          Rounding rounding);

}  // namespace plancalc
