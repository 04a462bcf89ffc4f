// Moments and local wall-clock times, for SLA calculations (SPEC §8).
//
// Everything else in plancalc works on civil dates without a time of day.
// SLA due times need instants: a Moment is a point on the UTC time line in
// whole seconds since 1970-01-01T00:00:00Z (no leap seconds, like POSIX
// time). A LocalTime is what a wall clock in some zone shows, in seconds
// since 1970-01-01T00:00 on that clock; only a time zone (posix_tz.hpp)
// turns one into the other.
//
// Moments are read and written as RFC 3339 timestamps. Reading is strict:
// the offset is required (`2026-11-20T16:30+01:00`, `2026-11-20T16:30:00Z`),
// because a wall-clock time without one names no instant at all. Seconds may
// be left out; fractional seconds are accepted only when they are zero
// (`.000`), since plancalc does not count below a second and never rounds an
// input silently. Writing always gives seconds and the offset, `Z` for UTC.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "plancalc/calendar/calendar.hpp"

namespace plancalc {

class Moment {
 public:
  static Moment from_seconds(std::int64_t utc_seconds) { return Moment(utc_seconds); }
  // seconds since 1970-01-01T00:00:00Z
  std::int64_t seconds() const { return seconds_; }

  friend bool operator==(Moment a, Moment b) { return a.seconds_ == b.seconds_; }
  friend bool operator!=(Moment a, Moment b) { return a.seconds_ != b.seconds_; }
  friend bool operator<(Moment a, Moment b) { return a.seconds_ < b.seconds_; }
  friend bool operator<=(Moment a, Moment b) { return a.seconds_ <= b.seconds_; }
  friend bool operator>(Moment a, Moment b) { return a.seconds_ > b.seconds_; }
  friend bool operator>=(Moment a, Moment b) { return a.seconds_ >= b.seconds_; }

 private:
  explicit Moment(std::int64_t s) : seconds_(s) {}
  std::int64_t seconds_;
};

class LocalTime {
 public:
  static LocalTime from_seconds(std::int64_t local_seconds) { return LocalTime(local_seconds); }
  static LocalTime at(Date date, std::int64_t seconds_of_day) {
    return LocalTime(static_cast<std::int64_t>(date.days()) * 86400 + seconds_of_day);
  }
  // seconds since 1970-01-01T00:00 on the local clock
  std::int64_t seconds() const { return seconds_; }
  Date date() const;
  // 0 .. 86399
  std::int64_t seconds_of_day() const;

  friend bool operator==(LocalTime a, LocalTime b) { return a.seconds_ == b.seconds_; }
  friend bool operator<(LocalTime a, LocalTime b) { return a.seconds_ < b.seconds_; }

 private:
  explicit LocalTime(std::int64_t s) : seconds_(s) {}
  std::int64_t seconds_;
};

// A moment as written: the instant and the UTC offset it was written with
// (seconds east of UTC, a whole number of minutes).
struct WrittenMoment {
  Moment moment;
  int offset_seconds;
};

// Strict RFC 3339 with a required offset, local date and instant within the
// years kMinYear..kMaxYear. Error: invalid_moment, at `path`.
WrittenMoment parse_moment(std::string_view text, const std::string& path);

// "2026-11-23T11:30:00+01:00"; "2026-11-21T16:30:00Z" when the offset is 0.
// The offset must be a whole number of minutes.
std::string format_moment(Moment moment, int offset_seconds);

// "+01:00", "-06:00", "Z" for 0.
std::string format_offset(int offset_seconds);

// "08:00", or "08:00:30" when the seconds are not zero.
std::string format_time_of_day(std::int64_t seconds_of_day);

// "mon" ... "sun" (the ids the opening hours use).
const char* weekday_id(Date date);

// Whether a moment's date (in UTC, and with any offset up to a day) stays in
// the supported years, so that formatting it cannot fail.
bool moment_in_range(Moment moment);

}  // namespace plancalc
