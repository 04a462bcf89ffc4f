#include "plancalc/calendar/moment.hpp"

#include "plancalc/error/error.hpp"

namespace plancalc {
namespace {

constexpr std::int64_t kDay = 86400;

// floor division for possibly negative seconds
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool two_digits(std::string_view s, std::size_t at, int& out) {
  if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') {
    return false;
  }
  out = (s[at] - '0') * 10 + (s[at + 1] - '0');
  return true;
}

void append_two(std::string& out, std::int64_t v) {
  out += static_cast<char>('0' + v / 10);
  out += static_cast<char>('0' + v % 10);
}

// The first and last moments whose date stays in kMinYear..kMaxYear under
// any offset of at most a day.
std::int64_t min_moment() {
  return static_cast<std::int64_t>(parse_date("1900-01-02", "").days()) * kDay;
}
std::int64_t max_moment() {
  return static_cast<std::int64_t>(parse_date("2999-12-31", "").days()) * kDay - 1;
}

}  // namespace

Date LocalTime::date() const { return Date::from_days(static_cast<std::int32_t>(floor_div(seconds_, kDay))); }

std::int64_t LocalTime::seconds_of_day() const { return seconds_ - floor_div(seconds_, kDay) * kDay; }

bool moment_in_range(Moment m) { return m.seconds() >= min_moment() && m.seconds() <= max_moment(); }

WrittenMoment parse_moment(std::string_view text, const std::string& path) {
  auto invalid = [&](const std::string& why) -> void {
    fail("invalid_moment", why + ", got " + excerpt(std::string(text.substr(0, 200))), path);
  };
  const std::string expected =
      "expected an RFC 3339 moment with an offset, such as 2026-11-20T16:30:00+01:00 or "
      "2026-11-20T15:30:00Z";
  if (text.size() < 16 || (text[10] != 'T' && text[10] != 't')) invalid(expected);
  Date date = Date::from_days(0);
  if (!try_parse_date(text.substr(0, 10), date)) {
    invalid("expected a real calendar date between " + std::to_string(kMinYear) + " and " +
            std::to_string(kMaxYear) + " before the 'T'");
  }
  int hour = 0, minute = 0, second = 0;
  if (!two_digits(text, 11, hour) || text[13] != ':' || !two_digits(text, 14, minute)) invalid(expected);
  std::size_t i = 16;
  if (i < text.size() && text[i] == ':') {
    if (!two_digits(text, i + 1, second)) invalid(expected);
    i += 3;
    if (i < text.size() && text[i] == '.') {
      std::size_t digits = 0;
      for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
        if (text[i] != '0') invalid("plancalc counts whole seconds; fractions of a second are not supported");
      }
      if (digits == 0) invalid(expected);
    }
  }
  if (hour > 23 || minute > 59 || second > 59) invalid("expected a time of day from 00:00:00 to 23:59:59");
  if (i == text.size()) {
    invalid("a moment needs an offset (Z or ±hh:mm), since a wall-clock time alone names no instant");
  }
  int offset = 0;
  if (text[i] == 'Z' || text[i] == 'z') {
    ++i;
  } else if (text[i] == '+' || text[i] == '-') {
    int oh = 0, om = 0;
    if (!two_digits(text, i + 1, oh) || i + 3 >= text.size() || text[i + 3] != ':' ||
        !two_digits(text, i + 4, om)) {
      invalid("expected the offset as Z, +hh:mm or -hh:mm");
    }
    if (oh > 23 || om > 59) invalid("expected an offset from -23:59 to +23:59");
    offset = (oh * 3600 + om * 60) * (text[i] == '-' ? -1 : 1);
    i += 6;
  } else {
    invalid("expected the offset as Z, +hh:mm or -hh:mm");
  }
  if (i != text.size()) invalid(expected);
  LocalTime local = LocalTime::at(date, hour * 3600 + minute * 60 + second);
  Moment m = Moment::from_seconds(local.seconds() - offset);
  if (!moment_in_range(m)) {
    invalid("the moment is outside the supported years " + std::to_string(kMinYear) + "–" +
            std::to_string(kMaxYear));
  }
  return {m, offset};
}

std::string format_offset(int offset_seconds) {
  if (offset_seconds == 0) return "Z";
  std::int64_t magnitude = offset_seconds < 0 ? -offset_seconds : offset_seconds;
  std::string out(1, offset_seconds < 0 ? '-' : '+');
  append_two(out, magnitude / 3600);
  out += ':';
  append_two(out, magnitude % 3600 / 60);
  return out;
}

std::string format_time_of_day(std::int64_t s) {
  std::string out;
  append_two(out, s / 3600);
  out += ':';
  append_two(out, s % 3600 / 60);
  if (s % 60 != 0) {
    out += ':';
    append_two(out, s % 60);
  }
  return out;
}

std::string format_moment(Moment m, int offset_seconds) {
  LocalTime local = LocalTime::from_seconds(m.seconds() + offset_seconds);
  std::int64_t s = local.seconds_of_day();
  std::string out = format_date(local.date()) + "T";
  append_two(out, s / 3600);
  out += ':';
  append_two(out, s % 3600 / 60);
  out += ':';
  append_two(out, s % 60);
  return out + format_offset(offset_seconds);
}

const char* weekday_id(Date date) {
  static const char* const ids[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  return ids[iso_weekday(date) - 1];
}

}  // namespace plancalc
