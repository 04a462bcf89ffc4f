#include "plancalc/sla/sla.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "plancalc/error/error.hpp"

namespace plancalc {
namespace {

using Steps = std::vector<Explanation>;

std::int64_t i64(std::int64_t v) { return v; }

// How a moment reads on the clock used for the result.
struct Clock {
  const BusinessCalendar* calendar;
  int fixed_offset;
  int offset_at(Moment m) const { return calendar ? calendar->zone.offset_at(m) : fixed_offset; }
  LocalTime local(Moment m) const { return LocalTime::from_seconds(m.seconds() + offset_at(m)); }
  std::string written(Moment m) const { return format_moment(m, offset_at(m)); }
};

Explanation interval_step(const Clock& clock, Moment from, Moment to) {
  LocalTime a = clock.local(from);
  LocalTime b = clock.local(to);
  // A span ending at local midnight reads "24:00" on the day it belongs to.
  std::int64_t end = b.seconds_of_day();
  if (end == 0 && a.date() < b.date()) end = 86400;
  return {"sla.interval",
          {{"duration", format_duration(to.seconds() - from.seconds())},
           {"seconds", i64(to.seconds() - from.seconds())},
           {"weekday", std::string(weekday_id(a.date()))},
           {"date", a.date()},
           {"from", format_time_of_day(a.seconds_of_day())},
           {"to", format_time_of_day(end)}}};
}

Explanation holiday_step(Date d) {
  return {"sla.holiday", {{"weekday", std::string(weekday_id(d))}, {"date", d}}};
}

Explanation opened_closed_step(const Clock& clock, Moment opened, Moment start) {
  LocalTime s = clock.local(start);
  return {"sla.opened_outside_hours",
          {{"opened", clock.written(opened)},
           {"start", clock.written(start)},
           {"weekday", std::string(weekday_id(s.date()))},
           {"date", s.date()},
           {"time", format_time_of_day(s.seconds_of_day())}}};
}

// Keeps a long list readable: the first and last half of kMaxListedSteps,
// and one step saying what was left out.
template <typename Omitted>
Steps shorten(Steps steps, Omitted omitted) {
  if (steps.size() <= kMaxListedSteps) return steps;
  const std::size_t half = kMaxListedSteps / 2;
  Steps out(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(half));
  out.push_back(omitted(steps.begin() + static_cast<std::ptrdiff_t>(half),
                        steps.end() - static_cast<std::ptrdiff_t>(half)));
  out.insert(out.end(), steps.end() - static_cast<std::ptrdiff_t>(half), steps.end());
  return out;
}

void clock_change_step(const Due& d, Steps& steps) {
  if (!d.calendar || d.counting_from_offset == d.due_offset) return;
  const PosixTz& zone = d.calendar->zone;
  steps.push_back({"sla.clock_change",
                   {{"from_offset", format_offset(d.counting_from_offset)},
                    {"to_offset", format_offset(d.due_offset)},
                    {"from_zone", zone.abbreviation_at(d.counting_from)},
                    {"to_zone", zone.abbreviation_at(d.due)}}});
}

std::string calendar_id(const BusinessCalendar* c) { return c ? c->id : std::string(); }

void due_business(Due& d, const Clock& clock) {
  const BusinessCalendar& cal = *d.calendar;
  BusinessTimeWalk walk = add_business_time(cal, d.opened.moment, d.target->seconds);
  d.counting_from = walk.start;
  d.due = walk.due;
  // Intervals and holidays in date order.
  Steps listed;
  std::size_t h = 0;
  for (const OpenSpan& span : walk.spans) {
    Date day = clock.local(span.from).date();
    for (; h < walk.holidays.size() && walk.holidays[h] < day; ++h) listed.push_back(holiday_step(walk.holidays[h]));
    listed.push_back(interval_step(clock, span.from, span.to));
  }
  for (; h < walk.holidays.size(); ++h) listed.push_back(holiday_step(walk.holidays[h]));
  listed = shorten(std::move(listed), [](Steps::const_iterator first, Steps::const_iterator last) {
    std::int64_t count = 0, seconds = 0;
    for (auto it = first; it != last; ++it) {
      if (it->key != "sla.interval") continue;
      ++count;
      for (const auto& [name, value] : it->args) {
        if (name == "seconds") seconds += std::get<std::int64_t>(value);
      }
    }
    return Explanation{"sla.intervals_omitted",
                       {{"count", count}, {"duration", format_duration(seconds)}, {"seconds", seconds}}};
  });
  if (d.counting_from != d.opened.moment) d.steps.push_back(opened_closed_step(clock, d.opened.moment, d.counting_from));
  d.steps.insert(d.steps.end(), listed.begin(), listed.end());
  if (!is_open(cal, d.due)) {
    d.steps.push_back({"sla.due_at_closing", {{"time", format_time_of_day(clock.local(d.due).seconds_of_day())}}});
  }
}

void due_business_days(Due& d, const Clock& clock) {
  const BusinessCalendar& cal = *d.calendar;
  BusinessDaysWalk walk = add_business_days(cal, d.opened.moment, d.target->days);
  d.counting_from = walk.start;
  d.due = walk.due;
  Steps listed;
  std::size_t h = 0;
  for (std::size_t i = 0; i < walk.days.size(); ++i) {
    for (; h < walk.holidays.size() && walk.holidays[h] < walk.days[i]; ++h) listed.push_back(holiday_step(walk.holidays[h]));
    listed.push_back({"sla.business_day",
                      {{"index", i64(static_cast<std::int64_t>(i) + 1)},
                       {"weekday", std::string(weekday_id(walk.days[i]))},
                       {"date", walk.days[i]}}});
  }
  for (; h < walk.holidays.size(); ++h) listed.push_back(holiday_step(walk.holidays[h]));
  listed = shorten(std::move(listed), [](Steps::const_iterator first, Steps::const_iterator last) {
    std::int64_t count = 0;
    for (auto it = first; it != last; ++it) count += it->key == "sla.business_day" ? 1 : 0;
    return Explanation{"sla.days_omitted", {{"count", count}}};
  });
  if (d.counting_from != d.opened.moment) d.steps.push_back(opened_closed_step(clock, d.opened.moment, d.counting_from));
  d.steps.insert(d.steps.end(), listed.begin(), listed.end());
}

void due_calendar(Due& d, const Clock& clock) {
  d.counting_from = d.opened.moment;
  d.due = Moment::from_seconds(d.opened.moment.seconds() + d.target->seconds);
  if (!moment_in_range(d.due)) {
    fail("due_out_of_range", "the due moment lies after the year " + std::to_string(kMaxYear), "");
  }
  d.steps.push_back({"sla.calendar_time",
                     {{"duration", format_duration(d.target->seconds)},
                      {"seconds", d.target->seconds},
                      {"from", clock.written(d.counting_from)},
                      {"to", clock.written(d.due)}}});
}

// "sla.due." and "sla.target." + the clock's name, as literals (an
// explanation's key is one).
const char* due_key(SlaClock clock) {
  switch (clock) {
    case SlaClock::business:
      return "sla.due.business";
    case SlaClock::business_days:
      return "sla.due.business_days";
    case SlaClock::calendar:
      return "sla.due.calendar";
  }
  return "sla.due.business";
}

const char* target_key(SlaClock clock) {
  switch (clock) {
    case SlaClock::business:
      return "sla.target.business";
    case SlaClock::business_days:
      return "sla.target.business_days";
    case SlaClock::calendar:
      return "sla.target.calendar";
  }
  return "sla.target.business";
}

}  // namespace

Due due_moment(const ResponseTarget& target, const BusinessCalendar* calendar, WrittenMoment opened) {
  if (target.clock == SlaClock::business_days) {
    if (target.days < 1 || target.days > kMaxTargetDays) {
      fail("out_of_range", "a business-days target is 1 to " + std::to_string(kMaxTargetDays) + " days");
    }
  } else if (target.seconds < 1 || target.seconds > kMaxTargetHours * 3600) {
    fail("out_of_range", "a target is longer than zero and at most " + std::to_string(kMaxTargetHours) + " hours");
  }
  if (target.clock != SlaClock::calendar && !calendar) {
    fail("missing_field", "a " + std::string(to_string(target.clock)) + " target needs a business calendar");
  }
  Due d;
  d.target = &target;
  d.calendar = calendar;
  d.opened = opened;
  Clock clock{calendar, opened.offset_seconds};
  switch (target.clock) {
    case SlaClock::business:
      due_business(d, clock);
      break;
    case SlaClock::business_days:
      due_business_days(d, clock);
      break;
    case SlaClock::calendar:
      due_calendar(d, clock);
      break;
  }
  d.counting_from_offset = clock.offset_at(d.counting_from);
  d.due_offset = clock.offset_at(d.due);
  clock_change_step(d, d.steps);
  LocalTime due_local = clock.local(d.due);
  Explanation& e = d.explanation;
  e.key = due_key(target.clock);
  if (target.clock == SlaClock::business_days) {
    e.args.push_back({"days", i64(target.days)});
  } else {
    e.args.push_back({"duration", format_duration(target.seconds)});
    e.args.push_back({"seconds", target.seconds});
  }
  e.args.push_back({"calendar", calendar_id(calendar)});
  e.args.push_back({"start", format_moment(d.counting_from, d.counting_from_offset)});
  e.args.push_back({"due", format_moment(d.due, d.due_offset)});
  e.args.push_back({"weekday", std::string(weekday_id(due_local.date()))});
  e.args.push_back({"date", due_local.date()});
  e.args.push_back({"time", format_time_of_day(due_local.seconds_of_day())});
  return d;
}

Downtime allowed_downtime(Rate percent, int period_days) {
  const Int128 scale = static_cast<Int128>(100) * Rate::kScale;
  Int128 down = scale - percent.micro_percent();
  if (down < 0) down = 0;
  Int128 product = static_cast<Int128>(period_days) * 86400 * down;
  Downtime d;
  d.period_days = period_days;
  d.allowed_seconds = static_cast<std::int64_t>(product / scale);
  d.exact = product % scale == 0;
  return d;
}

Explanation target_explanation(const ResponseTarget& t) {
  Explanation e;
  e.key = target_key(t.clock);
  if (t.clock == SlaClock::business_days) {
    e.args.push_back({"days", i64(t.days)});
  } else {
    e.args.push_back({"duration", format_duration(t.seconds)});
    e.args.push_back({"seconds", t.seconds});
  }
  return e;
}

Explanation uptime_explanation(const UptimeTarget& t) {
  Downtime m30 = allowed_downtime(t.percent, 30);
  Downtime m31 = allowed_downtime(t.percent, 31);
  Downtime y365 = allowed_downtime(t.percent, 365);
  return {"sla.uptime",
          {{"percent", t.percent},
           {"month_30", format_duration(m30.allowed_seconds)},
           {"month_31", format_duration(m31.allowed_seconds)},
           {"year", format_duration(y365.allowed_seconds)}}};
}

}  // namespace plancalc
