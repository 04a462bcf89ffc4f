#include "plancalc/contract/add_licenses.hpp"

namespace plancalc {

AddLicensesResult add_licenses(const Catalog& catalog, const AddLicensesRequest& r) {
  const Plan& plan = *r.contract.plan;
  AddLicensesResult out;
  std::int64_t after;
  if (__builtin_add_overflow(r.contract.quantity, r.add, &after)) {
    fail("number_too_large", "the new quantity is too large", "/add");
  }
  check_quantity(plan, after);
  try {
    out.term = active_term(r.contract, r.date);
  } catch (const SupportInactive&) {
    if (plan.policies.lapse.add_licenses_requires_active_support) throw;
    // Support is not needed to add licences: they start a term of their own.
    out.co_termed = false;
    out.term = {0, r.date, period_start(r.date, 1, plan.billing_months)};
  }
  out.days = proration_days(r.date, out.term.start, out.term.end, plan.billing_months,
                            plan.policies.change.basis);
  out.period_before = price_period(catalog, plan, r.contract.quantity, out.term.start).total;
  out.period_after = price_period(catalog, plan, after, out.term.start).total;
  Money difference = subtract(out.period_after, out.period_before);
  Money amount = prorate(difference, out.days, catalog.rounding);
  out.charge = {"charge", r.add, std::nullopt, amount,
                {"add_licenses.charge",
                 {{"add", r.add},
                  {"quantity_before", r.contract.quantity},
                  {"quantity_after", after},
                  {"period_before", out.period_before},
                  {"period_after", out.period_after},
                  {"difference", difference},
                  {"remaining_days", static_cast<std::int64_t>(out.days.remaining)},
                  {"term_days", static_cast<std::int64_t>(out.days.term)},
                  {"term_end", out.term.end},
                  {"amount", amount}}}};
  out.next_renewal_date = out.term.end;
  out.next_renewal_amount = price_period(catalog, plan, after, out.term.end).total;
  return out;
}

}  // namespace plancalc
