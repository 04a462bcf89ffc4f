// Proration: the share of a term's price that belongs to part of the term.
//
// amount × remaining_days / term_days, rounded once. `remaining_days` counts
// the days in [from, term_end); `term_days` the days of the whole term
// (365 or 366 for a year). The basis is a catalog setting:
//   actual_days        calendar days (as Kill Bill does);
//   thirty_day_months  every month counts 30 days: a term of n months has
//                      30·n days; the days elapsed since the term start are
//                      counted 30E/360 and the rest remain (capped at 0..term).
#pragma once

#include "plancalc/calendar/calendar.hpp"
#include "plancalc/money/money.hpp"
#include "plancalc/catalog/policy.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc {

struct ProrationDays {
  int remaining = 0;
  int term = 0;
};

// Days under the basis; `from` is clamped into [term_start, term_end].
ProrationDays proration_days(Date from, Date term_start, Date term_end, int term_months,
                             ProrationBasis basis);

// amount × days.remaining / days.term, rounded once.
Money prorate(Money amount, ProrationDays days, Rounding rounding);

// 30E/360 day count between two dates (each day-of-month 31 counts as 30).
int days_30e_360(Date from, Date to);

}  // namespace plancalc
