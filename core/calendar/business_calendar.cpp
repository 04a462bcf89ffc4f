#include "plancalc/calendar/business_calendar.hpp"

#include <algorithm>

#include "plancalc/error/error.hpp"

namespace plancalc {
namespace {

const char* const kDayIds[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

int day_index(std::string_view id) {
  for (int i = 0; i < 7; ++i) {
    if (id == kDayIds[i]) return i;
  }
  return -1;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

// "08:00" -> seconds after midnight; "24:00" only when allow_24.
bool parse_clock(std::string_view s, bool allow_24, std::int64_t& out) {
  if (s.size() != 5 || s[2] != ':') return false;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int h = (s[0] - '0') * 10 + (s[1] - '0');
  int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && (m != 0 || !allow_24))) return false;
  out = h * 3600 + m * 60;
  return true;
}

Date day_after(Date d) { return Date::from_days(d.days() + 1); }

// The last local day a walk may reach: moments after it could not be
// written within the supported years.
Date last_walk_day() {
  static const Date last = parse_date("2999-12-29", "");
  return last;
}

[[noreturn]] void out_of_range(const std::string& what) {
  fail("due_out_of_range",
       what + " lies more than " + std::to_string(kMaxWalkDays) +
           " days ahead or after the year " + std::to_string(kMaxYear) +
           "; the calendar has too few opening hours for this target",
       "");
}

// The day's opening hours as real moments (an interval swallowed by a
// skipped hour disappears).
std::vector<OpenSpan> spans_on(const BusinessCalendar& c, Date d) {
  std::vector<OpenSpan> out;
  for (const OpeningInterval& iv : c.intervals_on(d)) {
    Moment from = c.zone.to_utc(LocalTime::at(d, iv.from));
    Moment to = c.zone.to_utc(LocalTime::at(d, iv.to));
    if (from < to) out.push_back({from, to});
  }
  return out;
}

bool has_hours(const BusinessCalendar& c, Date d) {
  return !c.week[static_cast<std::size_t>(iso_weekday(d) - 1)].empty();
}

// Visits the opening spans from the local day before m's (a span may run
// past midnight on the local clock of a day with a change of the clocks)
// onwards, calling visit(day, span) until it returns true. Bounded.
template <typename Visit>
void walk_spans(const BusinessCalendar& c, Moment m, const char* what, Visit visit) {
  Date d = Date::from_days(c.zone.to_local(m).date().days() - 1);
  for (int i = 0; i < kMaxWalkDays; ++i, d = day_after(d)) {
    if (last_walk_day() < d) break;
    for (const OpenSpan& span : spans_on(c, d)) {
      if (visit(d, span)) return;
    }
  }
  out_of_range(what);
}

}  // namespace

bool BusinessCalendar::is_holiday(Date d) const {
  return std::binary_search(holidays.begin(), holidays.end(), d);
}

bool BusinessCalendar::is_business_day(Date d) const { return has_hours(*this, d) && !is_holiday(d); }

const std::vector<OpeningInterval>& BusinessCalendar::intervals_on(Date d) const {
  static const std::vector<OpeningInterval> none;
  if (is_holiday(d)) return none;
  return week[static_cast<std::size_t>(iso_weekday(d) - 1)];
}

namespace {

void add_entry(Week& week, std::array<bool, 7>& named, const HoursEntry& e) {
  auto invalid = [&](const std::string& why) -> void { fail("invalid_hours", why, e.path); };
  // Days: "mon-fri", "sat", "mon,wed,fri".
  std::vector<int> listed;
  for (std::string_view item : split(e.days, ',')) {
    std::size_t dash = item.find('-');
    int first = day_index(item.substr(0, dash));
    int last = dash == std::string_view::npos ? first : day_index(item.substr(dash + 1));
    if (first < 0 || last < 0) {
      invalid("opening hours are keyed by days such as \"mon-fri\", \"sat\" or \"mon,wed,fri\" "
              "(mon tue wed thu fri sat sun); got " + excerpt(e.days));
    }
    if (last < first) {
      invalid("a day range runs from Monday towards Sunday (\"sat-sun\", not \"sun-sat\"); got " +
              excerpt(e.days));
    }
    for (int d = first; d <= last; ++d) listed.push_back(d);
  }
  // Hours: "08:00-17:00", "08:00-12:00,13:00-17:00" or "closed".
  std::vector<OpeningInterval> intervals;
  if (e.hours != "closed") {
    for (std::string_view item : split(e.hours, ',')) {
      std::size_t dash = item.find('-');
      OpeningInterval iv{0, 0};
      if (dash == std::string_view::npos || !parse_clock(item.substr(0, dash), false, iv.from) ||
          !parse_clock(item.substr(dash + 1), true, iv.to)) {
        invalid("opening hours are written \"08:00-17:00\" (24-hour clock, up to 24:00), several "
                "separated by commas, or \"closed\"; got " + excerpt(e.hours));
      }
      if (iv.to <= iv.from) {
        invalid("an opening interval ends after it starts (split hours past midnight over two "
                "days); got " + excerpt(std::string(item)));
      }
      if (!intervals.empty() && iv.from < intervals.back().to) {
        invalid("the opening intervals of a day are in order and do not overlap; got " +
                excerpt(e.hours));
      }
      if (!intervals.empty() && iv.from == intervals.back().to) {
        intervals.back().to = iv.to;  // 08:00-12:00,12:00-17:00 is one stretch
      } else {
        intervals.push_back(iv);
      }
    }
  }
  for (int d : listed) {
    if (named[static_cast<std::size_t>(d)]) {
      invalid(std::string(kDayIds[d]) + " is given opening hours twice");
    }
    named[static_cast<std::size_t>(d)] = true;
    week[static_cast<std::size_t>(d)] = intervals;
  }
}

}  // namespace

Week parse_week(const std::vector<HoursEntry>& entries, const std::string& path) {
  Week week;
  std::array<bool, 7> named{};
  for (const HoursEntry& e : entries) add_entry(week, named, e);
  for (const auto& day : week) {
    if (!day.empty()) return week;
  }
  fail("no_opening_hours",
       "a calendar needs opening hours on at least one day of the week, such as "
       "{\"mon-fri\": \"08:00-17:00\"}",
       path);
}

bool is_open(const BusinessCalendar& c, Moment m) {
  Date d = c.zone.to_local(m).date();
  for (int k = -1; k <= 1; ++k) {
    for (const OpenSpan& span : spans_on(c, Date::from_days(d.days() + k))) {
      if (span.from <= m && m < span.to) return true;
    }
  }
  return false;
}

Moment next_opening(const BusinessCalendar& c, Moment m) {
  Moment out = m;
  walk_spans(c, m, "the next opening", [&](Date, const OpenSpan& span) {
    if (span.to <= m) return false;
    out = std::max(span.from, m);
    return true;
  });
  return out;
}

BusinessTimeWalk add_business_time(const BusinessCalendar& c, Moment m, std::int64_t seconds) {
  if (seconds <= 0) fail("out_of_range", "a business-hours target is longer than zero", "");
  BusinessTimeWalk w{m, m, {}, {}};
  bool started = false;
  std::int64_t remaining = seconds;
  walk_spans(c, m, "the due moment", [&](Date, const OpenSpan& span) {
    if (span.to <= m) return false;
    Moment from = std::max(span.from, m);
    if (!started) {
      started = true;
      w.start = from;
    }
    std::int64_t length = span.to.seconds() - from.seconds();
    if (remaining <= length) {
      // Exactly at closing (remaining == length) is due at the closing time.
      w.due = Moment::from_seconds(from.seconds() + remaining);
      w.spans.push_back({from, w.due});
      return true;
    }
    remaining -= length;
    w.spans.push_back({from, span.to});
    return false;
  });
  if (!moment_in_range(w.due)) out_of_range("the due moment");
  // Holidays that closed a day with opening hours between opening and due.
  Date first = c.zone.to_local(m).date();
  Date last = c.zone.to_local(w.due).date();
  for (Date h : c.holidays) {
    if (first <= h && h <= last && has_hours(c, h)) w.holidays.push_back(h);
  }
  return w;
}

BusinessDaysWalk add_business_days(const BusinessCalendar& c, Moment m, int days) {
  if (days <= 0) fail("out_of_range", "a business-days target is at least one day", "");
  BusinessDaysWalk w{m, m, {}, {}};
  w.start = is_open(c, m) ? m : next_opening(c, m);
  // Opened in the repeated hour after the clocks go back, the target runs
  // from the end of that hour: due times never go back as the opening moment
  // goes forward (to_local's time of day would).
  LocalTime start = c.zone.latest_local_until(w.start);
  Date d = start.date();
  for (int i = 0; static_cast<int>(w.days.size()) < days; ++i) {
    d = day_after(d);
    if (i >= kMaxWalkDays || last_walk_day() < d) out_of_range("the due day");
    if (c.is_business_day(d)) {
      w.days.push_back(d);
    } else if (has_hours(c, d)) {
      w.holidays.push_back(d);
    }
  }
  w.due = c.zone.to_utc(LocalTime::at(d, start.seconds_of_day()));
  if (!moment_in_range(w.due)) out_of_range("the due moment");
  // Holidays before counting began (opened on a holiday) belong to the story too.
  Date opened = c.zone.to_local(m).date();
  std::vector<Date> before;
  for (Date h : c.holidays) {
    if (opened <= h && h <= start.date() && has_hours(c, h)) before.push_back(h);
  }
  w.holidays.insert(w.holidays.begin(), before.begin(), before.end());
  return w;
}

}  // namespace plancalc
