#include "plancalc/contract/cancel.hpp"

#include <date/date.h>

namespace plancalc {
namespace {

// The first day of the month after the one `d` is in.
Date next_month_start(Date d) {
  auto ymd = date::year_month_day{date::sys_days{date::days{d.days()}}};
  auto first = ymd.year() / ymd.month() / date::day{1};
  return add_months_clamped(Date::from_days(static_cast<std::int32_t>(date::sys_days{first}.time_since_epoch().count())), 1);
}

}  // namespace

CancelResult cancel(const Catalog& catalog, const CancelRequest& r) {
  const Plan& plan = *r.contract.plan;
  const CancellationPolicy& policy = plan.policies.cancellation;
  CancelResult out;
  out.policy = &policy;
  out.auto_renew = plan.policies.renewal.auto_renew;
  out.term = active_term(r.contract, r.date);

  if (policy.effective == CancelEffective::end_of_month) {
    out.service_until = std::min(next_month_start(r.date), out.term.end);
  } else {
    out.service_until = out.term.end;
  }
  switch (policy.notice) {
    case CustomerNotice::none:
      break;
    case CustomerNotice::end_of_current_month:
      out.notice_deadline = add_days(next_month_start(r.date), -1);
      break;
    case CustomerNotice::days_before_end:
      out.notice_deadline = add_days(out.service_until, -policy.notice_days);
      out.notice_met = !(*out.notice_deadline < r.date);
      break;
  }
  if (!out.notice_met && out.auto_renew) {
    // Too late to stop the coming renewal: one more term is bought first.
    out.renews_once_more = true;
    out.renewal_charge = price_period(catalog, plan, r.contract.quantity, out.term.end).total;
    out.service_until = period_start(out.term.end, 1, plan.billing_months);
  }

  Money refund = Money::zero();
  if (policy.refund == Refund::prorated && out.service_until < out.term.end) {
    out.days = proration_days(out.service_until, out.term.start, out.term.end, plan.billing_months,
                              plan.policies.change.basis);
    Money paid = price_period(catalog, plan, r.contract.quantity, out.term.start).total;
    refund = prorate(paid, out.days, catalog.rounding);
    out.refund = {"refund", r.contract.quantity, std::nullopt, Money::from_minor(-refund.minor()),
                  {"cancel.refund_prorated",
                   {{"period_amount", paid},
                    {"remaining_days", static_cast<std::int64_t>(out.days.remaining)},
                    {"term_days", static_cast<std::int64_t>(out.days.term)},
                    {"amount", refund}}}};
  } else {
    out.refund = {"refund", r.contract.quantity, std::nullopt, Money::zero(),
                  {policy.refund == Refund::none ? "cancel.refund_none" : "cancel.refund_nothing_unused",
                   {{"service_until", out.service_until}}}};
  }
  return out;
}

}  // namespace plancalc
