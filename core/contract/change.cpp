#include "plancalc/contract/change.hpp"

namespace plancalc {
namespace {

ChangeDirection direction_of(const Catalog& c, const Plan& from, const Plan& to) {
  int a = c.tiers[static_cast<std::size_t>(from.tier)].rank;
  int b = c.tiers[static_cast<std::size_t>(to.tier)].rank;
  if (b > a) return ChangeDirection::upgrade;
  if (b < a) return ChangeDirection::downgrade;
  return ChangeDirection::same_tier;
}

bool matches(const ChangeCase& k, ChangeDirection direction, const Plan& from, const Plan& to) {
  return (!k.direction || *k.direction == direction) && (!k.from_tier || *k.from_tier == from.tier) &&
         (!k.to_tier || *k.to_tier == to.tier) &&
         (!k.from_billing_months || *k.from_billing_months == from.billing_months) &&
         (!k.to_billing_months || *k.to_billing_months == to.billing_months);
}

Line proration_line(const char* kind, const char* key, const Plan& plan, std::int64_t quantity,
                    Money period_amount, Money amount, ProrationDays days, ProrationBasis basis) {
  return {kind, quantity, std::nullopt, amount,
          {key,
           {{"plan", plan.id},
            {"quantity", quantity},
            {"period_amount", period_amount},
            {"remaining_days", static_cast<std::int64_t>(days.remaining)},
            {"term_days", static_cast<std::int64_t>(days.term)},
            {"basis", std::string(to_string(basis))},
            {"amount", amount}}}};
}

}  // namespace

ChangeResult change(const Catalog& catalog, const ChangeRequest& r) {
  const Plan& from = *r.current.plan;
  const Plan& to = *r.target;
  const ChangePolicy& policy = from.policies.change;
  ChangeResult out;
  out.term = active_term(r.current, r.date);
  check_sold(to, r.date, "/target");
  out.basis = policy.basis;
  out.direction = direction_of(catalog, from, to);
  out.effect = policy.default_effect;
  for (std::size_t i = 0; i < policy.cases.size(); ++i) {
    if (matches(policy.cases[i], out.direction, from, to)) {
      out.effect = policy.cases[i].effect;
      out.matched_case = static_cast<int>(i);
      break;
    }
  }
  check_quantity(to, r.target_quantity);

  switch (out.effect) {
    case ChangeEffect::not_allowed:
      out.effective = out.term.end;
      out.earliest_allowed = out.term.end;
      out.next_renewal_date = out.term.end;
      out.next_renewal_amount = price_period(catalog, from, r.current.quantity, out.term.end).total;
      return out;
    case ChangeEffect::end_of_term:
      out.effective = out.term.end;
      out.new_term_start = out.term.end;
      out.new_term_end = period_start(out.term.end, 1, to.billing_months);
      out.next_renewal_date = out.term.end;
      out.next_renewal_amount = price_period(catalog, to, r.target_quantity, out.term.end).total;
      return out;
    case ChangeEffect::immediate:
      break;
  }

  out.effective = r.date;
  out.days = proration_days(r.date, out.term.start, out.term.end, from.billing_months, policy.basis);
  Money paid = price_period(catalog, from, r.current.quantity, out.term.start).total;
  Money credit = prorate(paid, out.days, catalog.rounding);
  out.credit = proration_line("credit", "proration.credit", from, r.current.quantity, paid, credit, out.days, policy.basis);
  out.new_term = to.billing_months != from.billing_months;
  if (out.new_term) {
    // A different period length cannot share the term: a new one starts now.
    out.new_term_start = r.date;
    out.new_term_end = period_start(r.date, 1, to.billing_months);
    PricedPeriod full = price_period(catalog, to, r.target_quantity, r.date);
    out.charge = Line{"charge", r.target_quantity, std::nullopt, full.total,
                      {"change.new_term_charge",
                       {{"plan", to.id},
                        {"quantity", r.target_quantity},
                        {"start", out.new_term_start},
                        {"end", out.new_term_end},
                        {"amount", full.total}}}};
  } else {
    out.new_term_start = r.date;
    out.new_term_end = out.term.end;
    Money target_period = price_period(catalog, to, r.target_quantity, out.term.start).total;
    Money charge = prorate(target_period, out.days, catalog.rounding);
    out.charge = proration_line("charge", "proration.charge", to, r.target_quantity, target_period, charge, out.days,
                                policy.basis);
  }
  out.credit->amount = Money::from_minor(-credit.minor());
  out.net = add(out.charge->amount, out.credit->amount);
  out.next_renewal_date = out.new_term_end;
  out.next_renewal_amount = price_period(catalog, to, r.target_quantity, out.new_term_end).total;
  return out;
}

}  // namespace plancalc
