// RFC 3339 moments: strict reading (an offset is required), exact writing.
#include "plancalc/calendar/moment.hpp"

#include <gtest/gtest.h>

#include "plancalc/error/error.hpp"

using namespace plancalc;

namespace {

std::string code_of(const char* text) {
  try {
    parse_moment(text, "/opened");
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "/opened");
    return e.code();
  }
  return "no error";
}

std::string round_trip(const char* text) {
  WrittenMoment m = parse_moment(text, "");
  return format_moment(m.moment, m.offset_seconds);
}

}  // namespace

TEST(moment, reads_offsets_and_optional_seconds) {
  EXPECT_EQ(round_trip("2026-11-20T16:30+01:00"), "2026-11-20T16:30:00+01:00");
  EXPECT_EQ(round_trip("2026-11-20T16:30:00Z"), "2026-11-20T16:30:00Z");
  EXPECT_EQ(round_trip("2026-11-20T16:30:59-06:00"), "2026-11-20T16:30:59-06:00");
  EXPECT_EQ(round_trip("2026-11-20t16:30z"), "2026-11-20T16:30:00Z");
  EXPECT_EQ(round_trip("2026-11-20T16:30:00.000Z"), "2026-11-20T16:30:00Z");
  EXPECT_EQ(round_trip("2026-11-20T16:30+05:45"), "2026-11-20T16:30:00+05:45");
  // The same instant, written three ways.
  EXPECT_EQ(parse_moment("2026-11-20T16:30+01:00", "").moment, parse_moment("2026-11-20T15:30Z", "").moment);
  EXPECT_EQ(parse_moment("2026-11-20T09:30-06:00", "").moment, parse_moment("2026-11-20T15:30Z", "").moment);
  EXPECT_EQ(parse_moment("2026-11-20T16:30+01:00", "").offset_seconds, 3600);
  EXPECT_EQ(parse_moment("1970-01-01T00:00Z", "").moment.seconds(), 0);
}

TEST(moment, a_moment_without_offset_is_an_error) {
  EXPECT_EQ(code_of("2026-11-20T16:30"), "invalid_moment");
  EXPECT_EQ(code_of("2026-11-20T16:30:00"), "invalid_moment");
  try {
    parse_moment("2026-11-20T16:30", "/opened");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("needs an offset"), std::string::npos) << e.message();
  }
}

TEST(moment, strict_reading) {
  for (const char* bad : {"", "2026-11-20", "2026-11-20 16:30Z", "2026-02-30T10:00Z", "2026-11-20T24:00Z",
                          "2026-11-20T16:60Z", "2026-11-20T16:30:60Z", "2026-11-20T16:30:00.5Z",
                          "2026-11-20T16:30:00.Z", "2026-11-20T16:30+1:00", "2026-11-20T16:30+01",
                          "2026-11-20T16:30+24:00", "2026-11-20T16:30+01:00x", "2026-11-20T1:30Z",
                          "1899-12-31T12:00Z", "1900-01-01T00:00+01:00", "3000-01-01T00:00Z",
                          "2999-12-31T23:00Z", "2026-11-20T16:30 +01:00"}) {
    EXPECT_EQ(code_of(bad), "invalid_moment") << bad;
  }
}

TEST(moment, local_times_and_formatting) {
  LocalTime t = LocalTime::at(parse_date("2026-11-23", ""), 11 * 3600 + 30 * 60);
  EXPECT_EQ(format_date(t.date()), "2026-11-23");
  EXPECT_EQ(t.seconds_of_day(), 41400);
  LocalTime before_1970 = LocalTime::at(parse_date("1969-12-31", ""), 3600);
  EXPECT_EQ(format_date(before_1970.date()), "1969-12-31");
  EXPECT_EQ(before_1970.seconds_of_day(), 3600);
  EXPECT_EQ(format_offset(-6 * 3600), "-06:00");
  EXPECT_EQ(format_offset(0), "Z");
  EXPECT_EQ(format_offset(5 * 3600 + 45 * 60), "+05:45");
  EXPECT_EQ(format_time_of_day(8 * 3600), "08:00");
  EXPECT_EQ(format_time_of_day(8 * 3600 + 30), "08:00:30");
  EXPECT_STREQ(weekday_id(parse_date("2026-11-20", "")), "fri");
  EXPECT_STREQ(weekday_id(parse_date("2026-11-23", "")), "mon");
}
