#include "plancalc/calendar/calendar.hpp"

#include <date/date.h>

#include "plancalc/error/error.hpp"

namespace plancalc {
namespace {

date::year_month_day to_ymd(Date d) {
  return date::year_month_day{date::sys_days{date::days{d.days()}}};
}

Date from_ymd(const date::year_month_day& ymd) {
  return Date::from_days(static_cast<std::int32_t>(date::sys_days{ymd}.time_since_epoch().count()));
}

bool in_range(const date::year_month_day& ymd) {
  int y = static_cast<int>(ymd.year());
  return y >= kMinYear && y <= kMaxYear;
}

int digits(std::string_view s, std::size_t from, std::size_t count, bool& ok) {
  int v = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (s[i] < '0' || s[i] > '9') {
      ok = false;
      return 0;
    }
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

bool try_parse_date(std::string_view text, Date& out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  bool ok = true;
  int y = digits(text, 0, 4, ok);
  int m = digits(text, 5, 2, ok);
  int d = digits(text, 8, 2, ok);
  if (!ok) return false;
  date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                           date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || !in_range(ymd)) return false;
  out = from_ymd(ymd);
  return true;
}

Date parse_date(std::string_view text, const std::string& path) {
  Date out = Date::from_days(0);
  if (!try_parse_date(text, out)) {
    fail("invalid_date",
         "expected a real calendar date YYYY-MM-DD between " + std::to_string(kMinYear) +
             " and " + std::to_string(kMaxYear) + ", got " + excerpt(std::string(text)),
         path);
  }
  return out;
}

std::string format_date(Date d) {
  char buf[kDateLength];
  write_date(d, buf);
  return std::string(buf, kDateLength);
}

namespace {
// "00" to "99": two digits at a time.
struct DigitPairs {
  char of[200];
  constexpr DigitPairs() : of() {
    for (int i = 0; i < 100; ++i) {
      of[2 * i] = static_cast<char>('0' + i / 10);
      of[2 * i + 1] = static_cast<char>('0' + i % 10);
    }
  }
};
constexpr DigitPairs kDigitPairs{};

void two_digits(unsigned v, char* out) {
  out[0] = kDigitPairs.of[2 * v];
  out[1] = kDigitPairs.of[2 * v + 1];
}
}  // namespace

void write_date(Date d, char* out) {
  auto ymd = to_ymd(d);
  int y = static_cast<int>(ymd.year());
  if (y >= 0 && y <= 9999) {  // every supported date (kMinYear to kMaxYear)
    two_digits(static_cast<unsigned>(y / 100), out);
    two_digits(static_cast<unsigned>(y % 100), out + 2);
  } else {  // the last four digits, as they always were
    out[0] = static_cast<char>('0' + y / 1000 % 10);
    out[1] = static_cast<char>('0' + y / 100 % 10);
    out[2] = static_cast<char>('0' + y / 10 % 10);
    out[3] = static_cast<char>('0' + y % 10);
  }
  out[4] = '-';
  two_digits(static_cast<unsigned>(ymd.month()), out + 5);
  out[7] = '-';
  two_digits(static_cast<unsigned>(ymd.day()), out + 8);
}

Date add_months_clamped(Date d, int months) {
  auto ymd = to_ymd(d);
  // Range-check before building the date: year arithmetic stays small.
  long total = static_cast<long>(static_cast<int>(ymd.year())) * 12 +
               static_cast<long>(static_cast<unsigned>(ymd.month())) - 1 + months;
  long year = total >= 0 ? total / 12 : (total - 11) / 12;
  if (year < kMinYear || year > kMaxYear) {
    fail("invalid_date", "date " + format_date(d) + " plus " + std::to_string(months) +
                             " months is outside the supported years " +
                             std::to_string(kMinYear) + "–" + std::to_string(kMaxYear));
  }
  auto target = ymd + date::months{months};
  if (!target.ok()) target = target.year() / target.month() / date::last;
  return from_ymd(target);
}

Date add_days(Date d, int days) {
  Date out = Date::from_days(d.days() + days);
  if (!in_range(to_ymd(out))) {
    fail("invalid_date", "date " + format_date(d) + " plus " + std::to_string(days) +
                             " days is outside the supported years");
  }
  return out;
}

Date period_start(Date anchor, int k, int length_months) {
  return add_months_clamped(anchor, k * length_months);
}

int days_between(Date from, Date to) { return to.days() - from.days(); }

int iso_weekday(Date d) {
  date::weekday wd{date::sys_days{date::days{d.days()}}};
  return static_cast<int>(wd.iso_encoding());
}

}  // namespace plancalc
