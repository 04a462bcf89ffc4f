// Civil dates and billing periods.
//
// A Date is a day number (days since 1970-01-01) on the proleptic Gregorian
// calendar, built on Howard Hinnant's date library. It has no time of day
// and no zone. Terms are half-open: [start, end) contains start, not end.
//
// Adding a month is where calendars go wrong. January 31 plus one month has
// no true answer: February 31 does not exist. plancalc names its choice:
// add_months_clamped() clamps to the last day of the target month, so
// 2026-01-31 + 1 month = 2026-02-28 (2028-02-29 in a leap year).
//
// Billing periods never chain. Period k of a plan started on day s begins at
// add_months_clamped(s, k × length), computed from the anchor s each time, so
// a monthly plan started on 01-31 bills on 01-31, 02-28, 03-31, 04-30 — not
// 01-31, 02-28, 03-28, 04-28 as chaining would drift to. (Stripe and Kill
// Bill do the same.)
//
// Parsing is strict: only YYYY-MM-DD, only real days. 2026-02-30 is an
// error, never silently moved to March.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace plancalc {

class Date {
 public:
  static Date from_days(std::int32_t days) { return Date(days); }
  // days since 1970-01-01
  std::int32_t days() const { return days_; }

  friend bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend bool operator!=(Date a, Date b) { return a.days_ != b.days_; }
  friend bool operator<(Date a, Date b) { return a.days_ < b.days_; }
  friend bool operator<=(Date a, Date b) { return a.days_ <= b.days_; }
  friend bool operator>(Date a, Date b) { return a.days_ > b.days_; }
  friend bool operator>=(Date a, Date b) { return a.days_ >= b.days_; }

 private:
  explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_;
};

// The supported range: wide enough for any contract, small enough that no
// arithmetic on it can overflow.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2999;

// Strict YYYY-MM-DD between kMinYear and kMaxYear. Error: invalid_date.
Date parse_date(std::string_view text, const std::string& path);
// Returns false instead of failing.
bool try_parse_date(std::string_view text, Date& out);
std::string format_date(Date date);
// The same ten characters YYYY-MM-DD written to out (no terminator): for
// writers that put a date straight into their buffer.
constexpr std::size_t kDateLength = 10;
void write_date(Date date, char* out);

// The date `months` months later, the day clamped to the target month's last
// day. Error: invalid_date when the result leaves the supported range.
Date add_months_clamped(Date date, int months);
Date add_days(Date date, int days);

// Start of billing period k (0-based) of periods `length_months` long
// anchored on `anchor`: add_months_clamped(anchor, k × length_months).
Date period_start(Date anchor, int k, int length_months);

// Days in [from, to); negative when to is before from.
int days_between(Date from, Date to);

// 1 = Monday ... 7 = Sunday (ISO 8601).
int iso_weekday(Date date);

}  // namespace plancalc
