#include "plancalc/pricing/usage.hpp"

#include "plancalc/error/error.hpp"

namespace plancalc {

MonthlyUsage allowance_month(const Allowance& a, std::int64_t plan_quantity, std::int64_t usage,
                             const std::string& path) {
  std::int64_t included = a.included;
  if (a.per_quantity && __builtin_mul_overflow(a.included, plan_quantity, &included)) {
    fail("number_too_large", "the allowance for this quantity is too large", path);
  }
  std::int64_t extra = usage > included ? usage - included : 0;
  MonthlyUsage m;
  ExplanationArgs args = {
      {"allowance", a.id}, {"unit", a.unit}, {"usage", usage}, {"included", included}, {"extra", extra}};
  if (extra == 0) {
    m.explanation = {a.rollover ? "usage.included_rollover" : "usage.included", args};
    return m;
  }
  if (!a.overage) {
    fail("usage_not_covered",
         "expected usage of " + a.unit + " (" + std::to_string(usage) + " a month) exceeds the " +
             std::to_string(included) + " the plan includes, and the plan sells no extra",
         path);
  }
  const Overage& o = *a.overage;
  if (o.model == Overage::Model::per_unit) {
    m.quantity = extra;
    m.unit_amount = o.unit_amount;
    m.amount = multiply(o.unit_amount, extra);
    args.emplace_back("unit_amount", o.unit_amount);
    args.emplace_back("amount", m.amount);
    m.explanation = {"usage.overage_units", args};
  } else {
    std::int64_t packs = extra / o.package_size + (extra % o.package_size != 0);
    m.quantity = packs;
    m.unit_amount = o.package_amount;
    m.amount = multiply(o.package_amount, packs);
    args.emplace_back("packs", packs);
    args.emplace_back("package_size", o.package_size);
    args.emplace_back("package_amount", o.package_amount);
    args.emplace_back("amount", m.amount);
    m.explanation = {"usage.overage_packs", args};
  }
  return m;
}

MonthlyUsage hourly_month(const HourlyService& s, std::int64_t minutes, Rounding rounding) {
  std::int64_t billable = 0;
  if (minutes > 0) {
    billable = (minutes + s.increment_minutes - 1) / s.increment_minutes * s.increment_minutes;
    if (billable < s.minimum_minutes) billable = s.minimum_minutes;
  }
  MonthlyUsage m;
  m.quantity = billable;
  m.amount = round_quotient(static_cast<Int128>(s.rate_per_hour.minor()) * billable, 60, rounding);
  m.explanation = {"usage.hourly",
                   {{"service", s.id},
                    {"minutes", minutes},
                    {"billable_minutes", billable},
                    {"increment_minutes", static_cast<std::int64_t>(s.increment_minutes)},
                    {"rate", s.rate_per_hour},
                    {"amount", m.amount}}};
  return m;
}

}  // namespace plancalc
