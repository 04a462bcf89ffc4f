#include "plancalc/pricing/apply_discounts.hpp"

#include <algorithm>

namespace plancalc {
namespace {

bool equal_ignoring_ascii_case(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch; };
           return lower(x) == lower(y);
         });
}

// The discount on `base`, never more than the base.
DiscountLine discount_on(const Discount& d, Money base, Rounding rounding) {
  DiscountLine line;
  line.discount = &d;
  if (d.kind == Discount::Kind::percent) {
    line.amount = std::min(apply_rate(base, d.rate, rounding), base);
    line.explanation = {"discount.percent", {{"discount", d.id}, {"rate", d.rate}, {"base", base}, {"amount", line.amount}}};
  } else {
    line.amount = std::min(d.amount, base);
    line.explanation = {"discount.fixed", {{"discount", d.id}, {"fixed", d.amount}, {"base", base}, {"amount", line.amount}}};
  }
  if (line.amount < Money::zero()) line.amount = Money::zero();
  return line;
}

}  // namespace

Discount negotiated_discount(Rate rate, std::string reason, std::string scope) {
  Discount d;
  d.id = std::move(scope);
  d.name = std::move(reason);
  d.kind = Discount::Kind::percent;
  d.rate = rate;
  d.includes_usage = true;
  return d;
}

Explanation negotiated_explanation(const DiscountLine& line) {
  // The base the percentage was taken of, as discount_on() explained it.
  Money base = Money::zero();
  for (const auto& [name, value] : line.explanation.args) {
    if (name == "base") base = std::get<Money>(value);
  }
  return {"discount.negotiated",
          {{"scope", line.discount->id},
           {"reason", line.discount->name},
           {"rate", line.discount->rate},
           {"base", base},
           {"amount", line.amount}}};
}

bool discount_applies(const Discount& d, const DiscountTarget& t, const CustomerContext& c) {
  for (const auto& [key, value] : d.context) {
    auto it = std::find_if(c.values.begin(), c.values.end(), [&k = key](const auto& kv) { return kv.first == k; });
    if (it == c.values.end() || it->second != value) return false;
  }
  if (!d.billing_months.empty() &&
      std::find(d.billing_months.begin(), d.billing_months.end(), t.billing_months) == d.billing_months.end()) {
    return false;
  }
  if (!d.plans.empty() && std::find(d.plans.begin(), d.plans.end(), t.plan) == d.plans.end()) return false;
  if (d.min_quantity && t.quantity < *d.min_quantity) return false;
  if (d.valid_from && t.period_start < *d.valid_from) return false;
  if (d.valid_until && !(t.period_start < *d.valid_until)) return false;
  if (d.coupon && !(c.coupon && equal_ignoring_ascii_case(*d.coupon, *c.coupon))) return false;
  return true;
}

std::vector<DiscountLine> apply_discounts(const std::vector<Discount>& discounts, Stacking stacking,
                                          const DiscountTarget& t, const CustomerContext& c, Rounding rounding) {
  std::vector<DiscountLine> lines;
  if (stacking == Stacking::exclusive) {
    std::optional<DiscountLine> best;
    for (const Discount& d : discounts) {
      if (!discount_applies(d, t, c)) continue;
      Money base = d.includes_usage ? add(t.plan_amount, t.usage_amount) : t.plan_amount;
      DiscountLine line = discount_on(d, base, rounding);
      if (!best || best->amount < line.amount) best = line;  // ties: the first declared
    }
    if (best) lines.push_back(*best);
    return lines;
  }
  // Sequential: each on what the discounts before it left of its base.
  Money taken_from_plan = Money::zero(), taken_from_usage = Money::zero();
  for (const Discount& d : discounts) {
    if (!discount_applies(d, t, c)) continue;
    Money plan_left = subtract(t.plan_amount, taken_from_plan);
    Money usage_left = subtract(t.usage_amount, taken_from_usage);
    Money base = d.includes_usage ? add(plan_left, usage_left) : plan_left;
    DiscountLine line = discount_on(d, base, rounding);
    // Take from the plan first, then from usage.
    Money from_plan = std::min(line.amount, plan_left);
    taken_from_plan = add(taken_from_plan, from_plan);
    taken_from_usage = add(taken_from_usage, subtract(line.amount, from_plan));
    lines.push_back(line);
  }
  return lines;
}

}  // namespace plancalc
