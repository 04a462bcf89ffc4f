// Business calendars: weekly opening hours and holidays in a time zone.
//
// A support desk answers during its opening hours: Monday to Friday 08:00 to
// 17:00 in CET-1, say, closed on the listed holidays. A calendar is that
// week (a list of half-open intervals [from, to) of local time per weekday,
// to at most 24:00), the holidays (local dates closed all day) and the zone
// (posix_tz.hpp) that ties the local clock to real moments.
//
// Walking a calendar means visiting its opening intervals in time order,
// day by day on the local clock, each interval turned into real moments by
// the zone. An interval that spans a change of the clocks is as long as the
// real time it lasts. Every walk is bounded: a calendar with no opening hours
// is rejected when it is built, and no walk visits more than kMaxWalkDays
// local days (error due_out_of_range), so no input can make it spin.
//
// Opening hours are written as in the catalog (docs/catalog.md):
//   days:  "mon-fri", "sat", "mon,wed,fri", "mon-thu,sat"
//   hours: "08:00-17:00", "08:00-12:00,13:00-17:00", "00:00-24:00"
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plancalc/calendar/calendar.hpp"
#include "plancalc/calendar/moment.hpp"
#include "plancalc/calendar/posix_tz.hpp"

namespace plancalc {

// locale -> translated text, in catalog order (the same alias as catalog.hpp)
using Names = std::vector<std::pair<std::string, std::string>>;

// [from, to) in seconds after local midnight; to <= 86400.
struct OpeningInterval {
  std::int64_t from;
  std::int64_t to;
};

// Index 0 = Monday .. 6 = Sunday; each day's intervals ascending, disjoint.
using Week = std::array<std::vector<OpeningInterval>, 7>;

// The longest walk through a calendar: about 274 years of local days.
constexpr int kMaxWalkDays = 100'000;

struct BusinessCalendar {
  std::string id;
  std::string name;
  Names names;
  PosixTz zone;
  Week week;
  std::vector<Date> holidays;  // ascending, unique
  // The "hours" entries as written, for display: days -> hours.
  std::vector<std::pair<std::string, std::string>> hours_text;

  bool is_holiday(Date local_date) const;
  // Has opening hours on its weekday and is not a holiday.
  bool is_business_day(Date local_date) const;
  // The day's opening intervals (none on a holiday).
  const std::vector<OpeningInterval>& intervals_on(Date local_date) const;
};

// One "hours" entry as written, with the JSON Pointer of its value.
struct HoursEntry {
  std::string days;   // "mon-fri"
  std::string hours;  // "08:00-17:00"
  std::string path;
};

// The week described by the entries. Errors: invalid_hours (at the entry's
// path) for bad syntax, a day named twice, unordered or overlapping
// intervals; no_opening_hours (at `path`) when no day has opening hours.
Week parse_week(const std::vector<HoursEntry>& entries, const std::string& path);

// One stretch of opening hours, in real moments.
struct OpenSpan {
  Moment from;
  Moment to;
};

bool is_open(const BusinessCalendar& calendar, Moment m);

// The first moment at or after m inside opening hours (m itself when open).
// Error: due_out_of_range when there is none within kMaxWalkDays.
Moment next_opening(const BusinessCalendar& calendar, Moment m);

// The result of counting opening hours from a moment.
struct BusinessTimeWalk {
  Moment start;                 // where counting began (m, or the next opening)
  Moment due;                   // when `seconds` of opening hours have passed
  std::vector<OpenSpan> spans;  // the opening hours counted, in order
  std::vector<Date> holidays;   // holidays passed on the way (that had hours)
};

// Counts `seconds` (> 0) of opening hours from m. A target that runs out
// exactly at a closing time is due at that closing time. Error:
// due_out_of_range when the walk would exceed kMaxWalkDays or the years.
BusinessTimeWalk add_business_time(const BusinessCalendar& calendar, Moment m,
                                   std::int64_t seconds);

struct BusinessDaysWalk {
  Moment start;                    // m if open, else the next opening
  Moment due;                      // the same local time on the last day counted
  std::vector<Date> days;          // the business days counted, in order
  std::vector<Date> holidays;      // holidays passed on the way (that had hours)
};

// Counts `days` (> 0) business days after the day of m (or of the next
// opening when m is outside opening hours); due at the same local time of
// day. A start in the repeated hour after the clocks go back counts from the
// end of that hour (PosixTz::latest_local_until), so a later start is never
// due earlier. Error: due_out_of_range as above.
BusinessDaysWalk add_business_days(const BusinessCalendar& calendar, Moment m, int days);

}  // namespace plancalc
