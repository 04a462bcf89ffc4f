#include "plancalc/pricing/charge.hpp"

#include "plancalc/pricing/apply_tax.hpp"

namespace plancalc {
namespace {

const HourlyService* find_service(const Catalog& c, const std::string& id) {
  for (const HourlyService& s : c.services) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

// A month's usage over the months of the period, as one line.
Line usage_line(const MonthlyUsage& month, int months) {
  Explanation e = month.explanation;
  e.args.emplace_back("months", static_cast<std::int64_t>(months));
  Money amount = multiply(month.amount, months);
  e.args.emplace_back("period_amount", amount);
  return {"usage", month.quantity * months, month.unit_amount, amount, std::move(e)};
}

}  // namespace

const Allowance* find_allowance(const Plan& plan, const std::string& id) {
  for (const Allowance& a : plan.allowances) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

PricedCharge price_charge(const Catalog& catalog, const Plan& plan, std::int64_t quantity, Date start,
                          const Purchase& purchase) {
  PricedPeriod base = price_period(catalog, plan, quantity, start);
  PricedCharge out;
  out.lines = std::move(base.lines);
  out.price_from = base.price_from;
  Money plan_amount = base.total;
  Money usage_amount = Money::zero();
  for (const auto& [key, value] : purchase.usage) {
    std::string path = "/usage/" + key;
    if (const Allowance* a = find_allowance(plan, key)) {
      Line l = usage_line(allowance_month(*a, quantity, value, path), plan.billing_months);
      usage_amount = add(usage_amount, l.amount);
      out.lines.push_back(std::move(l));
    } else if (const HourlyService* s = find_service(catalog, key)) {
      Line l = usage_line(hourly_month(*s, value, catalog.rounding), plan.billing_months);
      usage_amount = add(usage_amount, l.amount);
      out.lines.push_back(std::move(l));
    }
    // A key this plan does not meter: its usage is not limited by the plan.
  }
  Money subtotal = add(plan_amount, usage_amount);
  DiscountTarget target{static_cast<int>(&plan - catalog.plans.data()), plan.billing_months, quantity, start,
                        plan_amount, usage_amount};
  std::vector<Discount> with_negotiated;
  if (!purchase.negotiated.empty()) {
    with_negotiated = catalog.discounts;
    with_negotiated.insert(with_negotiated.end(), purchase.negotiated.begin(), purchase.negotiated.end());
  }
  const std::vector<Discount>& discounts = purchase.negotiated.empty() ? catalog.discounts : with_negotiated;
  const std::size_t catalog_count = catalog.discounts.size();
  for (const DiscountLine& d : apply_discounts(discounts, catalog.stacking, target, purchase.customer,
                                               catalog.rounding)) {
    Money off = Money::from_minor(-d.amount.minor());
    subtotal = add(subtotal, off);
    bool negotiated = static_cast<std::size_t>(d.discount - discounts.data()) >= catalog_count;
    out.lines.push_back({"discount", 1, std::nullopt, off, negotiated ? negotiated_explanation(d) : d.explanation});
  }
  out.subtotal = subtotal;
  out.net = out.total = subtotal;
  if (catalog.tax) {
    TaxedAmount t = apply_tax(*catalog.tax, subtotal, catalog.rounding);
    out.net = t.net;
    out.total = t.gross;
    out.tax = Line{"tax", 1, std::nullopt, t.tax, t.explanation};
  }
  return out;
}

}  // namespace plancalc
