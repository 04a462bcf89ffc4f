// POSIX TZ strings: strict parsing, offsets through the year, skipped and
// repeated local times, and agreement with Howard Hinnant's date/ptz.h on
// every zone both accept.
#include "plancalc/calendar/posix_tz.hpp"

#include <gtest/gtest.h>

#include <date/ptz.h>

#include "plancalc/error/error.hpp"

using namespace plancalc;

namespace {

PosixTz zone(const char* text) { return PosixTz::parse(text, "/calendars/0/zone"); }
Moment at(const char* rfc3339) { return parse_moment(rfc3339, "").moment; }
LocalTime local(const char* date, int h, int m = 0) { return LocalTime::at(parse_date(date, ""), h * 3600 + m * 60); }
std::string utc(Moment m) { return format_moment(m, 0); }

std::string code_of(const char* text) {
  try {
    zone(text);
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "/calendars/0/zone");
    return e.code();
  }
  return "no error";
}

}  // namespace

TEST(posix_tz, fixed_offsets) {
  PosixTz cet = zone("CET-1");
  EXPECT_EQ(cet.offset_at(at("2026-01-15T12:00Z")), 3600);
  EXPECT_EQ(cet.offset_at(at("2026-07-15T12:00Z")), 3600);  // no summer time in "CET-1"
  EXPECT_FALSE(cet.has_summer_time());
  EXPECT_EQ(cet.abbreviation_at(at("2026-07-15T12:00Z")), "CET");
  PosixTz america = zone("<-06>6");
  EXPECT_EQ(america.offset_at(at("2026-11-20T15:30Z")), -6 * 3600);
  EXPECT_EQ(america.abbreviation_at(at("2026-11-20T15:30Z")), "-06");
  EXPECT_EQ(utc(america.to_utc(local("2026-11-20", 9, 30))), "2026-11-20T15:30:00Z");
  EXPECT_EQ(zone("<+0545>-5:45").offset_at(at("2026-01-01T00:00Z")), 5 * 3600 + 45 * 60);
  EXPECT_EQ(zone("UTC0").offset_at(at("2026-01-01T00:00Z")), 0);
  EXPECT_EQ(zone("EST+5").offset_at(at("2026-01-01T00:00Z")), -5 * 3600);
  EXPECT_EQ(PosixTz().text(), "UTC0");
}

TEST(posix_tz, central_european_summer_time) {
  PosixTz z = zone("CET-1CEST,M3.5.0,M10.5.0/3");
  EXPECT_TRUE(z.has_summer_time());
  // 2026: last Sunday of March is the 29th, of October the 25th; both
  // changes happen at 01:00 UTC.
  EXPECT_EQ(z.offset_at(at("2026-03-29T00:59:59Z")), 3600);
  EXPECT_EQ(z.offset_at(at("2026-03-29T01:00:00Z")), 7200);
  EXPECT_EQ(z.abbreviation_at(at("2026-03-29T01:00:00Z")), "CEST");
  EXPECT_EQ(z.offset_at(at("2026-10-25T00:59:59Z")), 7200);
  EXPECT_EQ(z.offset_at(at("2026-10-25T01:00:00Z")), 3600);
  EXPECT_EQ(z.offset_at(at("2026-12-31T23:59:59Z")), 3600);
  EXPECT_EQ(z.offset_at(at("2027-01-01T00:00:00Z")), 3600);
  // 2027: March 28 and October 31.
  EXPECT_EQ(z.offset_at(at("2027-03-28T01:00:00Z")), 7200);
  EXPECT_EQ(z.offset_at(at("2027-10-31T00:59:59Z")), 7200);
  EXPECT_EQ(format_moment(at("2026-03-30T08:00:00Z"), z.offset_at(at("2026-03-30T08:00:00Z"))),
            "2026-03-30T10:00:00+02:00");
}

TEST(posix_tz, skipped_local_times_map_to_the_change_and_repeated_ones_to_the_earlier) {
  PosixTz z = zone("CET-1CEST,M3.5.0,M10.5.0/3");
  // 02:00-03:00 on 2026-03-29 does not exist: the clocks jump to 03:00 CEST.
  EXPECT_EQ(utc(z.to_utc(local("2026-03-29", 2, 30))), "2026-03-29T01:00:00Z");
  EXPECT_EQ(utc(z.to_utc(local("2026-03-29", 2, 0))), "2026-03-29T01:00:00Z");
  EXPECT_EQ(utc(z.to_utc(local("2026-03-29", 1, 59))), "2026-03-29T00:59:00Z");
  EXPECT_EQ(utc(z.to_utc(local("2026-03-29", 3, 0))), "2026-03-29T01:00:00Z");
  // 02:00-03:00 on 2026-10-25 happens twice: the first (summer time) counts.
  EXPECT_EQ(utc(z.to_utc(local("2026-10-25", 2, 30))), "2026-10-25T00:30:00Z");
  EXPECT_EQ(utc(z.to_utc(local("2026-10-25", 3, 0))), "2026-10-25T02:00:00Z");
  // Away from the changes, to_local and to_utc are inverse.
  for (const char* m : {"2026-01-10T10:00Z", "2026-06-10T10:00Z", "2026-10-25T03:00Z"}) {
    EXPECT_EQ(z.to_utc(z.to_local(at(m))), at(m)) << m;
  }
}

TEST(posix_tz, southern_hemisphere_and_other_rule_forms) {
  PosixTz sydney = zone("AEST-10AEDT,M10.1.0,M4.1.0/3");
  EXPECT_EQ(sydney.offset_at(at("2026-01-15T00:00Z")), 11 * 3600);
  EXPECT_EQ(sydney.offset_at(at("2026-07-15T00:00Z")), 10 * 3600);
  EXPECT_EQ(sydney.offset_at(at("2026-12-31T23:00Z")), 11 * 3600);
  // Jn never counts February 29; n counts from 0 and does.
  PosixTz julian = zone("XST3XDT,J60/0,J300/0");  // summer time from March 1
  EXPECT_EQ(julian.offset_at(at("2028-02-29T12:00Z")), -3 * 3600);
  EXPECT_EQ(julian.offset_at(at("2028-03-01T12:00Z")), -2 * 3600);
  PosixTz zero_based = zone("XST3XDT,59/0,300/0");  // day 59 = March 1, or Feb 29 in a leap year
  EXPECT_EQ(zero_based.offset_at(at("2028-02-29T12:00Z")), -2 * 3600);
  EXPECT_EQ(zero_based.offset_at(at("2027-02-28T12:00Z")), -3 * 3600);
  // An explicit summer offset, and all-year summer time (RFC 8536).
  EXPECT_EQ(zone("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0").offset_at(at("2026-01-15T00:00Z")), 11 * 3600);
  PosixTz always = zone("EST5EDT,0/0,J365/25");
  for (const char* m : {"2026-01-01T04:30Z", "2026-06-01T00:00Z", "2026-12-31T23:00Z", "2027-01-01T05:00Z"}) {
    EXPECT_EQ(always.offset_at(at(m)), -4 * 3600) << m;
  }
}

TEST(posix_tz, strict_parsing) {
  for (const char* bad : {"", "CET", "CE-1", "CET-25", "CET-1:30:15", "CET-1x", "CET-1CEST",
                          "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0/3", "CET-1CEST,M3.0.0,M10.5.0",
                          "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.5.7,M10.5.0", "CET-1CEST,J0,J300",
                          "CET-1CEST,J366,J300", "CET-1CEST,366,300", "CET-1CEST,M3.5.0/168,M10.5.0",
                          "<-06", "<-06>", "<-0 6>6", "<ab>1", "CET-1CEST,M3.5.0,M10.5.0/3,", "-1",
                          "CET-1CEST,X3,M10.5.0"}) {
    EXPECT_EQ(code_of(bad), "invalid_zone") << bad;
  }
  EXPECT_EQ(code_of(std::string(200, 'A').c_str()), "invalid_zone");
  EXPECT_EQ(code_of("CET-1CEST,M3.5.0/-1,M10.5.0/167"), "no error");
}

// date/ptz.h (Howard Hinnant) is the reference implementation of the same
// rules; for every zone both accept, offsets and local -> UTC must agree.
TEST(posix_tz, agrees_with_date_ptz_hour_by_hour) {
  using namespace std::chrono;
  for (const char* text : {"CET-1CEST,M3.5.0,M10.5.0/3", "EST5EDT,M3.2.0,M11.1.0", "<-06>6",
                           "AEST-10AEDT,M10.1.0,M4.1.0/3", "XST3XDT,J60/0,J300/0", "NZST-12NZDT,M9.5.0,M4.1.0/3",
                           "<-03>3<-02>,M3.5.0/22,M10.5.0/23"}) {
    PosixTz mine = zone(text);
    Posix::time_zone theirs{text};
    for (std::int64_t s = at("2025-12-01T00:00Z").seconds(); s < at("2028-02-01T00:00Z").seconds(); s += 2700) {
      date::sys_seconds sys{seconds{s}};
      ASSERT_EQ(mine.offset_at(Moment::from_seconds(s)), theirs.get_info(sys).offset.count())
          << text << " at " << utc(Moment::from_seconds(s));
      date::local_seconds loc{seconds{s}};
      ASSERT_EQ(mine.to_utc(LocalTime::from_seconds(s)).seconds(),
                theirs.to_sys(loc, date::choose::earliest).time_since_epoch().count())
          << text << " local " << utc(Moment::from_seconds(s));
    }
  }
}
