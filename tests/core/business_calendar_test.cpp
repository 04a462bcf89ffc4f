// Business calendars: opening hours syntax, next opening, counting opening
// hours and business days across evenings, weekends, holidays and changes of
// the clocks, and walks that are bounded whatever the input.
#include "plancalc/calendar/business_calendar.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "plancalc/error/error.hpp"

using namespace plancalc;

namespace {

BusinessCalendar calendar(const char* zone, std::vector<std::pair<std::string, std::string>> hours,
                          std::vector<const char*> holidays = {}) {
  BusinessCalendar c;
  c.id = "test";
  c.zone = PosixTz::parse(zone, "/zone");
  std::vector<HoursEntry> entries;
  for (auto& [days, h] : hours) entries.push_back({days, h, "/hours/" + days});
  c.week = parse_week(entries, "/hours");
  for (const char* h : holidays) c.holidays.push_back(parse_date(h, ""));
  return c;
}

BusinessCalendar europe(std::vector<const char*> holidays = {}) {
  return calendar("CET-1", {{"mon-fri", "08:00-17:00"}}, holidays);
}

Moment at(const char* rfc3339) { return parse_moment(rfc3339, "").moment; }
std::string in(const BusinessCalendar& c, Moment m) { return format_moment(m, c.zone.offset_at(m)); }

std::string hours_error(std::vector<std::pair<std::string, std::string>> hours) {
  try {
    calendar("CET-1", hours);
  } catch (const Error& e) {
    return e.code() + " at " + e.path();
  }
  return "no error";
}

}  // namespace

TEST(business_calendar, opening_hours_syntax) {
  BusinessCalendar c = calendar("CET-1", {{"mon-thu,sat", "08:00-12:00,13:00-17:00"}, {"fri", "08:00-24:00"}, {"sun", "closed"}});
  ASSERT_EQ(c.week[0].size(), 2u);
  EXPECT_EQ(c.week[0][1].from, 13 * 3600);
  EXPECT_EQ(c.week[4][0].to, 24 * 3600);
  EXPECT_EQ(c.week[5].size(), 2u);
  EXPECT_TRUE(c.week[6].empty());
  // Adjacent intervals are one stretch.
  EXPECT_EQ(calendar("CET-1", {{"mon", "08:00-12:00,12:00-17:00"}}).week[0].size(), 1u);

  EXPECT_EQ(hours_error({{"mon-fry", "08:00-17:00"}}), "invalid_hours at /hours/mon-fry");
  EXPECT_EQ(hours_error({{"sun-sat", "08:00-17:00"}}), "invalid_hours at /hours/sun-sat");
  EXPECT_EQ(hours_error({{"Mon", "08:00-17:00"}}), "invalid_hours at /hours/Mon");
  EXPECT_EQ(hours_error({{"", "08:00-17:00"}}), "invalid_hours at /hours/");
  EXPECT_EQ(hours_error({{"mon", "8:00-17:00"}}), "invalid_hours at /hours/mon");
  EXPECT_EQ(hours_error({{"mon", "08:00-25:00"}}), "invalid_hours at /hours/mon");
  EXPECT_EQ(hours_error({{"mon", "24:00-24:00"}}), "invalid_hours at /hours/mon");
  EXPECT_EQ(hours_error({{"mon", "17:00-08:00"}}), "invalid_hours at /hours/mon");
  EXPECT_EQ(hours_error({{"mon", "08:00-08:00"}}), "invalid_hours at /hours/mon");
  EXPECT_EQ(hours_error({{"mon", "08:00-12:00,11:00-17:00"}}), "invalid_hours at /hours/mon");
  EXPECT_EQ(hours_error({{"mon", "13:00-17:00,08:00-12:00"}}), "invalid_hours at /hours/mon");
  EXPECT_EQ(hours_error({{"mon", "08:00-17:00,"}}), "invalid_hours at /hours/mon");
  EXPECT_EQ(hours_error({{"mon", ""}}), "invalid_hours at /hours/mon");
  EXPECT_EQ(hours_error({{"mon,mon", "08:00-17:00"}}), "invalid_hours at /hours/mon,mon");
  EXPECT_EQ(hours_error({{"mon-fri", "08:00-17:00"}, {"fri", "closed"}}), "invalid_hours at /hours/fri");
}

TEST(business_calendar, a_calendar_with_no_opening_hours_is_an_error) {
  EXPECT_EQ(hours_error({}), "no_opening_hours at /hours");
  EXPECT_EQ(hours_error({{"mon-sun", "closed"}}), "no_opening_hours at /hours");
}

TEST(business_calendar, next_opening) {
  BusinessCalendar c = europe();
  EXPECT_EQ(in(c, next_opening(c, at("2026-11-21T10:00+01:00"))), "2026-11-23T08:00:00+01:00");  // Saturday
  EXPECT_EQ(in(c, next_opening(c, at("2026-11-18T07:00+01:00"))), "2026-11-18T08:00:00+01:00");  // before opening
  EXPECT_EQ(in(c, next_opening(c, at("2026-11-18T08:00+01:00"))), "2026-11-18T08:00:00+01:00");  // at opening
  EXPECT_EQ(in(c, next_opening(c, at("2026-11-18T16:59:59+01:00"))), "2026-11-18T16:59:59+01:00");
  EXPECT_EQ(in(c, next_opening(c, at("2026-11-18T17:00+01:00"))), "2026-11-19T08:00:00+01:00");  // closing is closed
  EXPECT_EQ(in(c, next_opening(c, at("2026-11-20T17:00+01:00"))), "2026-11-23T08:00:00+01:00");
  EXPECT_TRUE(is_open(c, at("2026-11-18T08:00+01:00")));
  EXPECT_FALSE(is_open(c, at("2026-11-18T17:00+01:00")));
  BusinessCalendar h = europe({"2026-12-25", "2026-12-28"});
  EXPECT_EQ(in(h, next_opening(h, at("2026-12-24T17:00+01:00"))), "2026-12-29T08:00:00+01:00");
  EXPECT_FALSE(h.is_business_day(parse_date("2026-12-25", "")));
  EXPECT_FALSE(h.is_business_day(parse_date("2026-12-26", "")));
  EXPECT_TRUE(h.is_business_day(parse_date("2026-12-24", "")));
}

TEST(business_calendar, counting_opening_hours) {
  BusinessCalendar c = europe();
  BusinessTimeWalk w = add_business_time(c, at("2026-11-20T16:30+01:00"), 4 * 3600);
  EXPECT_EQ(in(c, w.due), "2026-11-23T11:30:00+01:00");
  ASSERT_EQ(w.spans.size(), 2u);
  EXPECT_EQ(in(c, w.spans[0].from), "2026-11-20T16:30:00+01:00");
  EXPECT_EQ(in(c, w.spans[0].to), "2026-11-20T17:00:00+01:00");
  EXPECT_EQ(in(c, w.spans[1].from), "2026-11-23T08:00:00+01:00");
  EXPECT_EQ(in(c, w.spans[1].to), "2026-11-23T11:30:00+01:00");
  EXPECT_EQ(in(c, add_business_time(c, at("2026-11-21T10:00+01:00"), 4 * 3600).due), "2026-11-23T12:00:00+01:00");
  EXPECT_EQ(in(c, add_business_time(c, at("2026-11-18T07:00+01:00"), 4 * 3600).due), "2026-11-18T12:00:00+01:00");
  EXPECT_EQ(in(c, add_business_time(c, at("2026-11-19T09:15+01:00"), 8 * 3600).due), "2026-11-20T08:15:00+01:00");
  // Exactly at closing: due at the closing time, not at the next opening.
  BusinessTimeWalk closing = add_business_time(c, at("2026-11-20T13:00+01:00"), 4 * 3600);
  EXPECT_EQ(in(c, closing.due), "2026-11-20T17:00:00+01:00");
  EXPECT_EQ(closing.spans.size(), 1u);
  // A whole week of opening hours (45 h) from Monday's opening ends at Friday's closing.
  EXPECT_EQ(in(c, add_business_time(c, at("2026-11-23T08:00+01:00"), 45 * 3600).due), "2026-11-27T17:00:00+01:00");
  // Lunch breaks are not counted.
  BusinessCalendar lunch = calendar("CET-1", {{"mon-fri", "08:00-12:00,13:00-17:00"}});
  EXPECT_EQ(in(lunch, add_business_time(lunch, at("2026-11-18T11:00+01:00"), 2 * 3600).due), "2026-11-18T14:00:00+01:00");
}

TEST(business_calendar, holidays_are_closed_all_day) {
  BusinessCalendar c = europe({"2026-12-25"});
  BusinessTimeWalk w = add_business_time(c, at("2026-12-24T15:00+01:00"), 4 * 3600);
  EXPECT_EQ(in(c, w.due), "2026-12-28T10:00:00+01:00");
  ASSERT_EQ(w.holidays.size(), 1u);
  EXPECT_EQ(format_date(w.holidays[0]), "2026-12-25");
  // Without the holiday the same request is due on the 25th.
  EXPECT_EQ(in(c, add_business_time(europe(), at("2026-12-24T15:00+01:00"), 4 * 3600).due), "2026-12-25T10:00:00+01:00");
}

TEST(business_calendar, other_zones_and_changes_of_the_clocks) {
  BusinessCalendar america = calendar("<-06>6", {{"mon-fri", "09:00-17:00"}});
  EXPECT_EQ(in(america, add_business_time(america, at("2026-11-20T16:30+01:00"), 4 * 3600).due),
            "2026-11-20T13:30:00-06:00");
  BusinessCalendar dst = calendar("CET-1CEST,M3.5.0,M10.5.0/3", {{"mon-fri", "08:00-17:00"}});
  EXPECT_EQ(in(dst, add_business_time(dst, at("2026-03-27T15:00+01:00"), 4 * 3600).due), "2026-03-30T10:00:00+02:00");
  EXPECT_EQ(in(dst, add_business_time(dst, at("2026-10-23T15:00+02:00"), 4 * 3600).due), "2026-10-26T10:00:00+01:00");
  // Open around the clock on Sundays: the Sunday the clocks go forward has
  // 23 real hours, so 24 hours of opening run into the next Sunday.
  BusinessCalendar sundays = calendar("CET-1CEST,M3.5.0,M10.5.0/3", {{"sun", "00:00-24:00"}});
  BusinessTimeWalk w = add_business_time(sundays, at("2026-03-29T00:00+01:00"), 24 * 3600);
  EXPECT_EQ(in(sundays, w.due), "2026-04-05T01:00:00+02:00");
  ASSERT_EQ(w.spans.size(), 2u);
  EXPECT_EQ(w.spans[0].to.seconds() - w.spans[0].from.seconds(), 23 * 3600);
  // ... and the Sunday they go back has 25.
  EXPECT_EQ(in(sundays, add_business_time(sundays, at("2026-10-25T00:00+02:00"), 25 * 3600).due),
            "2026-10-26T00:00:00+01:00");
  // Opening hours inside the skipped hour vanish that day.
  BusinessCalendar night = calendar("CET-1CEST,M3.5.0,M10.5.0/3", {{"sun", "02:00-03:00"}});
  EXPECT_EQ(in(night, add_business_time(night, at("2026-03-28T12:00+01:00"), 1800).due), "2026-04-05T02:30:00+02:00");
}

TEST(business_calendar, counting_business_days) {
  BusinessCalendar c = europe();
  BusinessDaysWalk w = add_business_days(c, at("2026-11-23T10:00+01:00"), 5);
  EXPECT_EQ(in(c, w.due), "2026-11-30T10:00:00+01:00");
  ASSERT_EQ(w.days.size(), 5u);
  EXPECT_EQ(format_date(w.days[0]), "2026-11-24");
  EXPECT_EQ(format_date(w.days[4]), "2026-11-30");
  // Outside opening hours: counted from the next opening, at its time of day.
  EXPECT_EQ(in(c, add_business_days(c, at("2026-11-21T10:00+01:00"), 5).due), "2026-11-30T08:00:00+01:00");
  EXPECT_EQ(in(c, add_business_days(c, at("2026-11-23T17:00+01:00"), 1).due), "2026-11-25T08:00:00+01:00");
  // Holidays are not business days.
  BusinessCalendar h = europe({"2026-12-25", "2027-01-01"});
  EXPECT_EQ(in(h, add_business_days(h, at("2026-12-23T09:30+01:00"), 5).due), "2026-12-31T09:30:00+01:00");
  BusinessDaysWalk hw = add_business_days(h, at("2026-12-23T09:30+01:00"), 6);
  EXPECT_EQ(in(h, hw.due), "2027-01-04T09:30:00+01:00");
  EXPECT_EQ(hw.holidays.size(), 2u);
}

TEST(business_calendar, walks_are_bounded) {
  // One minute a week: 10 000 hours would take 11 000 years.
  BusinessCalendar sparse = calendar("CET-1", {{"wed", "12:00-12:01"}});
  auto started = std::chrono::steady_clock::now();
  try {
    add_business_time(sparse, at("2026-11-20T16:30+01:00"), 10'000LL * 3600);
    FAIL() << "expected due_out_of_range";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "due_out_of_range");
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  // Near the end of the supported years.
  try {
    add_business_days(europe(), at("2999-12-20T10:00+01:00"), 100);
    FAIL() << "expected due_out_of_range";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "due_out_of_range");
  }
  // Every weekday a holiday for years: still found, still bounded.
  BusinessCalendar c = europe();
  Date d = parse_date("2026-01-01", "");
  for (int i = 0; i < 1000; ++i) c.holidays.push_back(Date::from_days(d.days() + i));
  EXPECT_EQ(in(c, next_opening(c, at("2026-01-01T09:00+01:00"))), "2028-09-27T08:00:00+01:00");
}
