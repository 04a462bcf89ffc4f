// Properties of due moments across changes of the clocks (issue 22): for
// every clock, a request opened later is never due earlier, and every moment
// the engine writes reads back to the same instant. Swept minute by minute
// (every 7 minutes) over two days around each change of several zones: both
// hemispheres, a negative summer time, a 30-minute summer time, and opening
// hours that include the repeated hour.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "plancalc/calendar/business_calendar.hpp"
#include "plancalc/calendar/moment.hpp"
#include "plancalc/catalog/sla_terms.hpp"
#include "plancalc/sla/sla.hpp"

using namespace plancalc;

namespace {

BusinessCalendar calendar(const char* zone, std::vector<std::pair<std::string, std::string>> hours) {
  BusinessCalendar c;
  c.id = "test";
  c.zone = PosixTz::parse(zone, "/zone");
  std::vector<HoursEntry> entries;
  for (auto& [days, h] : hours) entries.push_back({days, h, "/hours/" + days});
  c.week = parse_week(entries, "/hours");
  return c;
}

ResponseTarget target(SlaClock clock, std::int64_t hours, int days) {
  ResponseTarget t;
  t.level = "first";
  t.clock = clock;
  t.seconds = hours * 3600;
  t.days = days;
  return t;
}

struct Zone {
  const char* tz;
  std::vector<const char*> changes;  // UTC moments of the changes swept around
};

const std::vector<Zone>& zones() {
  static const std::vector<Zone> z = {
      {"CET-1CEST,M3.5.0,M10.5.0/3", {"2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"}},
      {"EST5EDT,M3.2.0,M11.1.0", {"2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z"}},
      // Southern hemisphere: summer time from October to April.
      {"AEST-10AEDT,M10.1.0,M4.1.0/3", {"2026-04-04T16:00:00Z", "2026-10-03T16:00:00Z"}},
      // Negative summer time (Ireland's rule as POSIX writes it): winter is the "summer" offset.
      {"IST-1GMT0,M10.5.0,M3.5.0/1", {"2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"}},
      // A 30-minute change (Lord Howe Island).
      {"<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", {"2026-04-04T15:00:00Z", "2026-10-03T15:30:00Z"}},
  };
  return z;
}

const std::vector<std::vector<std::pair<std::string, std::string>>>& weeks() {
  static const std::vector<std::vector<std::pair<std::string, std::string>>> w = {
      {{"mon-fri", "08:00-17:00"}},
      // Hours over the repeated and the skipped hour, every day.
      {{"mon-fri", "01:00-04:00,08:00-17:00"}, {"sat-sun", "01:00-04:00"}},
      {{"mon-sun", "00:00-24:00"}},
  };
  return w;
}

}  // namespace

TEST(sla_monotonic, a_later_opening_is_never_due_earlier_across_changes_of_the_clocks) {
  const std::vector<ResponseTarget> targets = {
      target(SlaClock::business, 4, 0), target(SlaClock::business, 30, 0),
      target(SlaClock::business_days, 0, 1), target(SlaClock::business_days, 0, 5),
      target(SlaClock::calendar, 24, 0)};
  std::size_t checked = 0;
  for (const Zone& zone : zones()) {
    for (const auto& week : weeks()) {
      const BusinessCalendar cal = calendar(zone.tz, week);
      for (const ResponseTarget& t : targets) {
        for (const char* change : zone.changes) {
          const std::int64_t middle = parse_moment(change, "").moment.seconds();
          Moment previous_due = Moment::from_seconds(0);
          std::string previous;
          for (std::int64_t s = middle - 86400; s <= middle + 86400; s += 7 * 60) {
            const Moment opened = Moment::from_seconds(s);
            const Due d = due_moment(t, &cal, {opened, cal.zone.offset_at(opened)});
            const std::string written = format_moment(d.due, d.due_offset);
            SCOPED_TRACE(std::string(zone.tz) + " " + to_string(t.clock) + " opened " +
                         format_moment(opened, cal.zone.offset_at(opened)) + " due " + written);
            if (!previous.empty()) {
              ASSERT_GE(d.due.seconds(), previous_due.seconds()) << "the opening before was due " << previous;
            }
            // What the engine writes, it reads back to the same instant.
            ASSERT_EQ(parse_moment(written, "").moment.seconds(), d.due.seconds());
            previous_due = d.due;
            previous = written;
            ++checked;
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 50'000u);
}

// The case issue 22 found: a 5-business-day target opened 7 minutes later,
// in the repeated hour, was due 53 minutes earlier.
TEST(sla_monotonic, opened_in_the_repeated_hour_counts_from_the_end_of_that_hour) {
  const BusinessCalendar cal =
      calendar("CET-1CEST,M3.5.0,M10.5.0/3", {{"mon-fri", "01:00-04:00,08:00-17:00"}, {"sat-sun", "01:00-04:00"}});
  const ResponseTarget t = target(SlaClock::business_days, 0, 5);
  auto due = [&](const char* opened) {
    const Moment m = parse_moment(opened, "").moment;
    const Due d = due_moment(t, &cal, {m, cal.zone.offset_at(m)});
    return format_moment(d.due, d.due_offset);
  };
  EXPECT_EQ(due("2026-10-25T00:53:00Z"), "2026-10-30T02:53:00+01:00");  // 02:53 summer time
  EXPECT_EQ(due("2026-10-25T01:00:00Z"), "2026-10-30T03:00:00+01:00");  // 02:00 winter time, repeated
  EXPECT_EQ(due("2026-10-25T01:59:00Z"), "2026-10-30T03:00:00+01:00");  // 02:59 winter time, repeated
  EXPECT_EQ(due("2026-10-25T02:01:00Z"), "2026-10-30T03:01:00+01:00");  // 03:01, past the repeated hour
}

TEST(sla_monotonic, latest_local_time_is_the_local_time_except_in_the_repeated_hour) {
  const PosixTz z = PosixTz::parse("CET-1CEST,M3.5.0,M10.5.0/3", "");
  auto latest = [&](const char* utc) {
    return format_time_of_day(z.latest_local_until(parse_moment(utc, "").moment).seconds_of_day());
  };
  EXPECT_EQ(latest("2026-10-25T00:30:00Z"), "02:30");  // summer time, first pass
  EXPECT_EQ(latest("2026-10-25T01:00:00Z"), "03:00");  // the change: clocks go 03:00 -> 02:00
  EXPECT_EQ(latest("2026-10-25T01:30:00Z"), "03:00");
  EXPECT_EQ(latest("2026-10-25T02:00:00Z"), "03:00");  // 03:00 winter time
  EXPECT_EQ(latest("2026-10-25T02:30:00Z"), "03:30");
  EXPECT_EQ(latest("2026-03-29T01:30:00Z"), "03:30");  // spring: no repeated hour
  EXPECT_EQ(format_time_of_day(PosixTz::parse("CET-1", "").latest_local_until(parse_moment("2026-10-25T01:30:00Z", "").moment).seconds_of_day()), "02:30");
}
