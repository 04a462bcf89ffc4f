#include "plancalc/pricing/quote.hpp"

#include <algorithm>

namespace plancalc {

Quote quote(const Catalog& catalog, const QuoteRequest& request) {
  const Plan& plan = *request.plan;
  Quote q;
  q.plan = &plan;
  q.quantity = request.quantity;
  q.horizon_end = add_months_clamped(request.start, request.horizon_months);
  // Period k starts k × billing_months months in: the horizon holds at most
  // ceil(horizon / billing_months) of them.
  int periods = (std::max(request.horizon_months, 1) + plan.billing_months - 1) / plan.billing_months;
  q.schedule.reserve(plan.trial ? 1 : static_cast<std::size_t>(periods));
  // One charge per billing period that starts inside the horizon; each
  // period is computed from the anchor, never from the previous period.
  Date start = period_start(request.start, 0, plan.billing_months);
  for (int k = 0;; ++k) {
    if (!(start < q.horizon_end)) break;
    if (plan.trial && k >= 1) break;  // a trial is never renewed
    Date end = period_start(request.start, k + 1, plan.billing_months);
    Charge& c = q.schedule.emplace_back(
        Charge{k + 1, start, end, price_charge(catalog, plan, request.quantity, start, request.purchase)});
    q.horizon_total = add(q.horizon_total, c.priced.total);
    q.horizon_net = add(q.horizon_net, c.priced.net);
    if (c.priced.tax) q.horizon_tax = add(q.horizon_tax, c.priced.tax->amount);
    start = end;  // period k + 1 starts where k ends (both from the anchor)
  }
  q.effective_per_month = round_quotient(q.first().priced.total.minor(), plan.billing_months,
                                         catalog.rounding);
  return q;
}

}  // namespace plancalc
