// Service level agreements: when is my answer due, and how much downtime
// does an uptime promise allow? (SPEC §8)
//
// A tier's SLA promises response targets per support level, each a duration
// on one of three clocks:
//   business       hours of opening hours of a business calendar: a request
//                  opened outside opening hours starts counting at the next
//                  opening; the time carries across evenings, weekends and
//                  holidays; a target that runs out exactly at closing time
//                  is due at the closing time, not at the next opening.
//                  (Seed 002: first level 4 h, Friday 16:30 -> Monday 11:30.)
//   business_days  due at the same local time of day on the N-th following
//                  business day, counted from the moment itself when it lies
//                  within opening hours, else from the next opening.
//   calendar       plain elapsed hours, opening hours and holidays ignored
//                  (seed 001: e-mail answered within 24 h).
// Uptime targets become allowed downtime: 99 % of a 30-day month is
// 7 h 12 min, of a 31-day month 7 h 26 min 24 s; 99.9 % of a 365-day year is
// 8 h 45 min 36 s. All of it is integer seconds, never floating point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plancalc/calendar/duration.hpp"
#include "plancalc/calendar/business_calendar.hpp"
#include "plancalc/catalog/sla_terms.hpp"
#include "plancalc/explanation/explanation.hpp"
#include "plancalc/calendar/moment.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc {

// When one response target is due for a request opened at a moment.
struct Due {
  const ResponseTarget* target = nullptr;
  const BusinessCalendar* calendar = nullptr;  // none: a calendar clock without a calendar
  WrittenMoment opened{Moment::from_seconds(0), 0};
  Moment counting_from = Moment::from_seconds(0);
  Moment due = Moment::from_seconds(0);
  // Offsets the moments are written with: the calendar's offset at each
  // moment, or the offset `opened` was written with when there is no calendar.
  int counting_from_offset = 0;
  int due_offset = 0;
  std::vector<Explanation> steps;  // the walk, in time order
  Explanation explanation;         // the summary
};

// At most this many intervals or days are listed one by one in `steps`; a
// longer walk lists the first and last kMaxListedSteps / 2 and one
// "omitted" step between them.
constexpr std::size_t kMaxListedSteps = 40;

// Errors: out_of_range for a target above the limits, missing_field when a
// business clock has no calendar, due_out_of_range (business_calendar.hpp).
Due due_moment(const ResponseTarget& target, const BusinessCalendar* calendar,
               WrittenMoment opened);

struct Downtime {
  int period_days = 0;
  std::int64_t allowed_seconds = 0;  // rounded down to whole seconds
  bool exact = true;                 // false when a fraction of a second was dropped
};

// period_days × 24 h × (100 − percent) %, rounded down to a whole second.
Downtime allowed_downtime(Rate percent, int period_days);


// One-line descriptions for the comparison table:
// sla.target.business / sla.target.business_days / sla.target.calendar, and
// sla.uptime with the downtime of 30- and 31-day months and a 365-day year.
Explanation target_explanation(const ResponseTarget& target);
Explanation uptime_explanation(const UptimeTarget& target);

}  // namespace plancalc
