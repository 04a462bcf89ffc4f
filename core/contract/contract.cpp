#include "plancalc/contract/contract.hpp"

#include <date/date.h>

namespace plancalc {

Term term_containing(Date anchor, int months, Date on) {
  if (on < anchor) {
    fail("date_before_start", "the date " + format_date(on) + " is before the term start " + format_date(anchor),
         "/date");
  }
  auto a = date::year_month_day{date::sys_days{date::days{anchor.days()}}};
  auto b = date::year_month_day{date::sys_days{date::days{on.days()}}};
  int month_diff = 12 * (static_cast<int>(b.year()) - static_cast<int>(a.year())) +
                   static_cast<int>(static_cast<unsigned>(b.month())) -
                   static_cast<int>(static_cast<unsigned>(a.month()));
  // Start from the estimate and step at most a term either way.
  int k = std::max(0, month_diff / months - 1);
  while (!(on < period_start(anchor, k + 1, months))) ++k;
  while (k > 0 && on < period_start(anchor, k, months)) --k;
  return {k, period_start(anchor, k, months), period_start(anchor, k + 1, months)};
}

std::optional<Date> support_end(const Contract& c) {
  if (c.support_end) return c.support_end;
  if (c.plan->policies.renewal.auto_renew) return std::nullopt;
  return period_start(c.start, 1, c.plan->billing_months);
}

Term active_term(const Contract& c, Date on) {
  std::optional<Date> end = support_end(c);
  if (end && !(on < *end)) {
    throw SupportInactive("support for plan " + excerpt(c.plan->id) + " ended on " + format_date(*end) +
                              "; renew it first",
                          *end);
  }
  return term_containing(c.start, c.plan->billing_months, on);
}

void check_sold(const Plan& plan, Date on, const char* path) {
  if (plan.legacy && !(on < plan.legacy->sold_until)) {
    fail("plan_not_sold",
         "plan " + excerpt(plan.id) + " is a legacy plan, not sold to new customers since " +
             format_date(plan.legacy->sold_until),
         path);
  }
}

}  // namespace plancalc
