#include "plancalc/calendar/posix_tz.hpp"

#include <date/date.h>

#include "plancalc/error/error.hpp"

namespace plancalc {
namespace {

constexpr std::int64_t kDay = 86400;
constexpr int kDayOfOffset = 24 * 3600;  // no offset reaches it (RFC 3339)
constexpr std::size_t kMaxZoneLength = 100;

class Reader {
 public:
  Reader(std::string_view text, const std::string& path) : s_(text), path_(path) {}

  [[noreturn]] void invalid(const std::string& why) const {
    fail("invalid_zone",
         why + " in the POSIX TZ string " + excerpt(std::string(s_)) +
             " (expected e.g. \"CET-1\", \"<-06>6\" or \"CET-1CEST,M3.5.0,M10.5.0/3\")",
         path_);
  }
  bool done() const { return i_ == s_.size(); }
  char peek() const { return done() ? '\0' : s_[i_]; }
  bool take(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }

  std::string name(const char* what) {
    std::string out;
    if (take('<')) {
      while (!done() && peek() != '>') {
        char c = s_[i_++];
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '+' || c == '-';
        if (!ok) invalid(std::string("a quoted ") + what + " name has only letters, digits, '+' and '-'");
        out += c;
      }
      if (!take('>')) invalid(std::string("the quoted ") + what + " name has no closing '>'");
    } else {
      while ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z')) out += s_[i_++];
    }
    if (out.size() < 3 || out.size() > 16) {
      invalid(std::string("the ") + what + " name must have 3 to 16 characters (quote names with digits: <-06>)");
    }
    return out;
  }

  // [+-]h[:mm[:ss]] in seconds, hours up to max_hours.
  int time(int max_hours, const char* what) {
    int sign = 1;
    if (take('-')) {
      sign = -1;
    } else {
      take('+');
    }
    int h = digits(1, 3, what);
    if (h > max_hours) invalid(std::string("the ") + what + " has more than " + std::to_string(max_hours) + " hours");
    int m = 0, sec = 0;
    if (take(':')) {
      m = digits(2, 2, what);
      if (take(':')) sec = digits(2, 2, what);
    }
    if (m > 59 || sec > 59) invalid(std::string("the ") + what + " has minutes or seconds above 59");
    return sign * (h * 3600 + m * 60 + sec);
  }

  int digits(std::size_t min, std::size_t max, const char* what) {
    int v = 0;
    std::size_t n = 0;
    while (n < max && peek() >= '0' && peek() <= '9') {
      v = v * 10 + (s_[i_++] - '0');
      ++n;
    }
    if (n < min) invalid(std::string("expected a number in the ") + what);
    return v;
  }

  PosixTz::Rule rule(const char* which) {
    PosixTz::Rule r;
    std::string what = std::string("rule for the ") + which + " of summer time";
    if (take('M')) {
      r.kind = PosixTz::Rule::Kind::month_week_day;
      r.month = digits(1, 2, what.c_str());
      if (!take('.')) invalid("expected Mm.w.d in the " + what);
      r.week = digits(1, 1, what.c_str());
      if (!take('.')) invalid("expected Mm.w.d in the " + what);
      r.weekday = digits(1, 1, what.c_str());
      if (r.month < 1 || r.month > 12) invalid("the month of the " + what + " is not 1 to 12");
      if (r.week < 1 || r.week > 5) invalid("the week of the " + what + " is not 1 to 5 (5 = last)");
      if (r.weekday > 6) invalid("the weekday of the " + what + " is not 0 (Sunday) to 6");
    } else if (take('J')) {
      r.kind = PosixTz::Rule::Kind::julian_no_leap;
      r.day = digits(1, 3, what.c_str());
      if (r.day < 1 || r.day > 365) invalid("the day of the " + what + " is not J1 to J365");
    } else if (peek() >= '0' && peek() <= '9') {
      r.kind = PosixTz::Rule::Kind::zero_based;
      r.day = digits(1, 3, what.c_str());
      if (r.day > 365) invalid("the day of the " + what + " is not 0 to 365");
    } else {
      invalid("expected Mm.w.d, Jn or n for the " + what);
    }
    if (take('/')) r.time = time(167, (what + "'s time").c_str());
    return r;
  }

 private:
  std::string_view s_;
  const std::string& path_;
  std::size_t i_ = 0;
};

// The local day (days since 1970-01-01) a rule falls on in a year.
std::int64_t rule_day(const PosixTz::Rule& r, int year) {
  using namespace date;
  const auto y = date::year{year};
  sys_days day;
  switch (r.kind) {
    case PosixTz::Rule::Kind::month_week_day: {
      const auto m = month{static_cast<unsigned>(r.month)};
      const auto wd = weekday{static_cast<unsigned>(r.weekday)};
      day = r.week == 5 ? sys_days{y / m / wd[last]}
                        : sys_days{y / m / wd[static_cast<unsigned>(r.week)]};
      break;
    }
    case PosixTz::Rule::Kind::julian_no_leap:
      // J60 is March 1 in every year: February 29 is never counted.
      day = sys_days{y / January / 1} + days{r.day - 1 + (y.is_leap() && r.day >= 60 ? 1 : 0)};
      break;
    case PosixTz::Rule::Kind::zero_based:
      day = sys_days{y / January / 1} + days{r.day};
      break;
  }
  return day.time_since_epoch().count();
}

int utc_year(Moment m) {
  using namespace date;
  auto days_since = m.seconds() / kDay - (m.seconds() % kDay < 0 ? 1 : 0);
  return static_cast<int>(year_month_day{sys_days{days{days_since}}}.year());
}

}  // namespace

PosixTz::PosixTz() : text_("UTC0"), std_name_("UTC") {}

PosixTz PosixTz::parse(std::string_view text, const std::string& path) {
  if (text.size() > kMaxZoneLength) {
    fail("invalid_zone", "a POSIX TZ string has at most " + std::to_string(kMaxZoneLength) + " characters", path);
  }
  Reader in(text, path);
  PosixTz z;
  z.text_ = std::string(text);
  z.std_name_ = in.name("standard time");
  int west = in.time(24, "UTC offset");
  if (west % 60 != 0) in.invalid("the UTC offset is not a whole number of minutes");
  z.std_offset_ = -west;
  z.dst_offset_ = z.std_offset_;
  // RFC 3339 writes offsets of at most 23:59: a zone whose offset the engine
  // could not write (or read back) is refused here, not at the first due time.
  auto writable = [&](int offset, const char* what) {
    if (offset <= -kDayOfOffset || offset >= kDayOfOffset) {
      in.invalid(std::string("the ") + what + " is 24 hours or more (an RFC 3339 offset is at most 23:59)");
    }
  };
  writable(z.std_offset_, "UTC offset");
  if (in.done()) return z;
  z.dst_name_ = in.name("summer time");
  z.dst_offset_ = z.std_offset_ + 3600;
  if (in.peek() != ',' && !in.done()) {
    int dst_west = in.time(24, "summer time offset");
    if (dst_west % 60 != 0) in.invalid("the summer time offset is not a whole number of minutes");
    z.dst_offset_ = -dst_west;
  }
  writable(z.dst_offset_, "summer time offset");
  if (in.done()) {
    in.invalid("a summer time name needs the rules for its start and end (,start[/time],end[/time])");
  }
  if (!in.take(',')) in.invalid("expected ',' and the rule for the start of summer time");
  z.start_ = in.rule("start");
  if (!in.take(',')) in.invalid("expected ',' and the rule for the end of summer time");
  z.end_ = in.rule("end");
  if (!in.done()) in.invalid("unexpected characters after the end rule");
  z.has_dst_ = true;
  return z;
}

std::int64_t PosixTz::start_utc(int year) const {
  // The start rule's time is local standard time.
  return rule_day(start_, year) * kDay + start_.time - std_offset_;
}

std::int64_t PosixTz::end_utc(int year) const {
  // The end rule's time is local summer time.
  return rule_day(end_, year) * kDay + end_.time - dst_offset_;
}

bool PosixTz::in_summer_time(Moment m) const {
  if (!has_dst_) return false;
  // The latest change at or before m decides. Changes of the neighbouring
  // years are looked at too: a rule time of up to 167 hours can move a change
  // across New Year. At equal instants an end comes before a start, so a
  // zone that ends and restarts summer time at the same instant (all-year
  // summer time, "EST5EDT,0/0,J365/25") stays in summer time.
  const int y = utc_year(m);
  bool found = false;
  std::int64_t best = 0;
  bool best_is_start = false;
  for (int year = y - 1; year <= y + 1; ++year) {
    for (bool is_start : {false, true}) {
      std::int64_t t = is_start ? start_utc(year) : end_utc(year);
      if (t > m.seconds()) continue;
      if (!found || t > best || (t == best && is_start)) {
        found = true;
        best = t;
        best_is_start = is_start;
      }
    }
  }
  return found && best_is_start;
}

int PosixTz::offset_at(Moment m) const { return in_summer_time(m) ? dst_offset_ : std_offset_; }

LocalTime PosixTz::latest_local_until(Moment m) const {
  const int now = offset_at(m);
  const int fold = dst_offset_ > std_offset_ ? dst_offset_ - std_offset_ : std_offset_ - dst_offset_;
  const Moment before = Moment::from_seconds(m.seconds() - fold);
  const int then = offset_at(before);
  // The clocks went back less than `fold` seconds ago only if the offset
  // then was larger; otherwise the clock never showed a later time.
  if (!has_dst_ || then <= now) return to_local(m);
  // The change: the first second with today's offset, in (before, m].
  std::int64_t lo = before.seconds(), hi = m.seconds();
  while (hi - lo > 1) {
    std::int64_t mid = lo + (hi - lo) / 2;
    (offset_at(Moment::from_seconds(mid)) == now ? hi : lo) = mid;
  }
  return LocalTime::from_seconds(hi + then);
}

const std::string& PosixTz::abbreviation_at(Moment m) const {
  return in_summer_time(m) ? dst_name_ : std_name_;
}

Moment PosixTz::to_utc(LocalTime t) const {
  const Moment as_std = Moment::from_seconds(t.seconds() - std_offset_);
  if (!has_dst_) return as_std;
  const Moment as_dst = Moment::from_seconds(t.seconds() - dst_offset_);
  const bool std_ok = !in_summer_time(as_std);
  const bool dst_ok = in_summer_time(as_dst);
  if (std_ok && dst_ok) return as_std < as_dst ? as_std : as_dst;  // repeated: the earlier
  if (std_ok) return as_std;
  if (dst_ok) return as_dst;
  // Skipped: the clocks jumped over t. The change lies between the two
  // readings; the first instant after the gap is the change itself.
  const Moment lo = as_std < as_dst ? as_std : as_dst;
  const Moment hi = as_std < as_dst ? as_dst : as_std;
  const int y = utc_year(lo);
  std::int64_t change = hi.seconds();
  for (int year = y - 1; year <= y + 1; ++year) {
    for (std::int64_t c : {start_utc(year), end_utc(year)}) {
      if (c > lo.seconds() && c <= hi.seconds() && c < change) change = c;
    }
  }
  return Moment::from_seconds(change);
}

}  // namespace plancalc
