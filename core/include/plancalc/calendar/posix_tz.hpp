// POSIX TZ rules: a time zone written as one string, with no tz database.
//
// Business-hours calendars live in a time zone, and the engine runs in the
// browser where no tz database exists. A POSIX TZ string carries everything
// a zone needs for the years it describes (POSIX.1-2017, section 8.3):
//
//   CET-1                        fixed offset: CET is UTC+1 (POSIX counts
//                                hours *west* of Greenwich, hence the minus)
//   <-06>6                       fixed UTC-6, the name quoted because it is
//                                not alphabetic
//   CET-1CEST,M3.5.0,M10.5.0/3   UTC+1, summer time UTC+2 (one hour ahead
//                                unless an offset follows the name) from the
//                                last (5) Sunday (0) of March at 02:00 local
//                                standard time to the last Sunday of October
//                                at 03:00 local summer time
//
// A rule is Mm.w.d (month, week 1-5 where 5 = last, weekday 0 = Sunday),
// Jn (day 1-365, February 29 never counted) or n (day 0-365, counted), with
// an optional /time ([+-]h[:mm[:ss]], up to 167 hours as RFC 8536 allows;
// default 02:00). Offsets are whole minutes (RFC 3339 cannot write seconds)
// and below 24 hours, standard and summer time alike (RFC 3339 writes at
// most 23:59). A summer-time name without rules is rejected: POSIX
// leaves its meaning to the implementation, and a calculator must not guess.
//
// Why not Howard Hinnant's date/ptz.h? It compiles natively and in wasm, but
// it does not range-check rules (M13.9.8 is accepted and yields garbage
// dates), treats `CET-1CEST` silently as "never summer time", and leaves
// skipped and repeated local times to exceptions. This parser is strict and
// its conversions are total; the unit tests compare it with ptz.h.
//
// Local times that do not exist (the hour skipped when clocks go forward)
// map to the moment of the change, the first instant after the gap; local
// times that occur twice (clocks going back) map to the earlier instant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "plancalc/calendar/moment.hpp"

namespace plancalc {

class PosixTz {
 public:
  // UTC ("UTC0").
  PosixTz();

  // Error: invalid_zone, at `path`.
  static PosixTz parse(std::string_view text, const std::string& path);

  // The string it was parsed from.
  const std::string& text() const { return text_; }
  bool has_summer_time() const { return has_dst_; }

  // Offset east of UTC in force at a moment, in seconds.
  int offset_at(Moment m) const;
  // The zone's name for the time in force ("CET", "CEST", "-06").
  const std::string& abbreviation_at(Moment m) const;
  LocalTime to_local(Moment m) const { return LocalTime::from_seconds(m.seconds() + offset_at(m)); }
  // See the header comment for skipped and repeated local times.
  Moment to_utc(LocalTime t) const;
  // The latest local time the clock has shown up to m: to_local(m), except
  // in the repeated hour after the clocks go back (its second pass), where
  // it is the local time they were set back from (CEST 03:00 for CET 02:30).
  // Unlike to_local, it never decreases as m increases.
  LocalTime latest_local_until(Moment m) const;

  struct Rule {
    enum class Kind { month_week_day, julian_no_leap, zero_based } kind = Kind::month_week_day;
    int month = 0;    // month_week_day: 1-12
    int week = 0;     // month_week_day: 1-5, 5 = last
    int weekday = 0;  // month_week_day: 0 = Sunday .. 6
    int day = 0;      // julian_no_leap 1-365, zero_based 0-365
    int time = 7200;  // seconds after local midnight, -167 h .. 167 h
  };

 private:
  bool in_summer_time(Moment m) const;
  // The moment summer time starts / ends in a year.
  std::int64_t start_utc(int year) const;
  std::int64_t end_utc(int year) const;

  std::string text_;
  std::string std_name_;
  std::string dst_name_;
  int std_offset_ = 0;  // seconds east of UTC
  int dst_offset_ = 0;
  bool has_dst_ = false;
  Rule start_;
  Rule end_;
};

}  // namespace plancalc
