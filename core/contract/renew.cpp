#include "plancalc/contract/renew.hpp"

#include "plancalc/error/error.hpp"

namespace plancalc {
const Policies& policies_for(const Catalog& catalog, const RenewRequest& r) {
  return r.plan ? r.plan->policies : catalog.policies;
}

RenewResult renew(const Catalog& catalog, const RenewRequest& r) {
  const Policies& policies = policies_for(catalog, r);
  RenewResult out;
  out.policy = &policies.renewal;
  out.lapse = &policies.lapse;
  if (r.plan && r.plan->legacy && r.plan->legacy->renewable_until && !(r.date < *r.plan->legacy->renewable_until)) {
    fail("plan_not_renewable", "legacy plan " + excerpt(r.plan->id) + " could be renewed until " +
                                   format_date(*r.plan->legacy->renewable_until),
         "/date");
  }
  const Date end = r.support_end;
  for (const RenewalWindow& w : policies.renewal.windows) {
    WindowSpan span{&w, std::nullopt};
    if (w.months_after_end) span.last_day = add_months_clamped(end, *w.months_after_end);
    out.windows.push_back(span);
  }
  out.early = r.date < end;
  out.window = static_cast<int>(out.windows.size()) - 1;
  for (std::size_t i = 0; i < out.windows.size(); ++i) {
    if (!out.windows[i].last_day || !(*out.windows[i].last_day < r.date)) {
      out.window = static_cast<int>(i);
      break;
    }
  }
  const RenewalWindow& window = *out.windows[static_cast<std::size_t>(out.window)].window;

  int term_months = policies.renewal.term_months;
  if (r.product) {
    const DatedAmount& list = list_price_on(*r.product, r.date, "/date");
    out.list_price = list.amount;
    out.list_price_from = list.from;
    Money unit = apply_rate(list.amount, window.rate, catalog.rounding);
    out.line = {"renewal", r.quantity, unit, multiply(unit, r.quantity),
                {"renewal.product_rate",
                 {{"window", window.id},
                  {"rate", window.rate},
                  {"product", r.product->id},
                  {"list_price", list.amount},
                  {"list_price_from", list.from},
                  {"exact", format_exact_rate_product(list.amount, window.rate, *catalog.currency)},
                  {"unit_amount", unit},
                  {"quantity", r.quantity}}}};
  } else {
    term_months = r.plan->billing_months;
    PricedPeriod period = price_period(catalog, *r.plan, r.quantity, r.date);
    out.list_price = period.total;
    out.list_price_from = period.price_from;
    Money amount = apply_rate(period.total, window.rate, catalog.rounding);
    out.line = {"renewal", r.quantity, std::nullopt, amount,
                {"renewal.plan_rate",
                 {{"window", window.id},
                  {"rate", window.rate},
                  {"plan", r.plan->id},
                  {"plan_price", period.total},
                  {"quantity", r.quantity},
                  {"exact", format_exact_rate_product(period.total, window.rate, *catalog.currency)},
                  {"amount", amount}}}};
  }

  bool from_previous_end = out.early || window.anchor == TermAnchor::previous_end;
  out.term_start = from_previous_end ? end : r.date;
  out.term_end = add_months_clamped(out.term_start, term_months);
  out.gap_days = out.early ? 0 : days_between(end, r.date);
  out.gap_covered = from_previous_end;
  if (policies.renewal.vendor_notice_months) {
    out.vendor_notice = add_months_clamped(end, -*policies.renewal.vendor_notice_months);
  }
  return out;
}

}  // namespace plancalc
