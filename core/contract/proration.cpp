#include "plancalc/contract/proration.hpp"

#include <algorithm>

#include <date/date.h>

namespace plancalc {

int days_30e_360(Date from, Date to) {
  auto a = date::year_month_day{date::sys_days{date::days{from.days()}}};
  auto b = date::year_month_day{date::sys_days{date::days{to.days()}}};
  int d1 = std::min(static_cast<int>(static_cast<unsigned>(a.day())), 30);
  int d2 = std::min(static_cast<int>(static_cast<unsigned>(b.day())), 30);
  return 360 * (static_cast<int>(b.year()) - static_cast<int>(a.year())) +
         30 * (static_cast<int>(static_cast<unsigned>(b.month())) -
               static_cast<int>(static_cast<unsigned>(a.month()))) +
         (d2 - d1);
}

ProrationDays proration_days(Date from, Date term_start, Date term_end, int term_months,
                             ProrationBasis basis) {
  Date clamped = std::min(std::max(from, term_start), term_end);
  if (basis == ProrationBasis::actual_days) {
    return {days_between(clamped, term_end), days_between(term_start, term_end)};
  }
  // Elapsed days are counted 30E/360 from the term start, so the parts of a
  // term split at any days add up to the whole term exactly.
  int term = 30 * term_months;
  if (!(clamped < term_end)) return {0, term};
  return {std::clamp(term - days_30e_360(term_start, clamped), 0, term), term};
}

Money prorate(Money amount, ProrationDays days, Rounding rounding) {
  if (days.term <= 0) return Money::zero();
  return round_quotient(static_cast<Int128>(amount.minor()) * days.remaining, days.term, rounding);
}

}  // namespace plancalc
