#include "plancalc/calendar/duration.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace plancalc {

std::string format_duration(std::int64_t seconds) {
  if (seconds == 0) return "0 s";
  // Written into one buffer: an SLA response formats dozens of durations,
  // and a string per part was most of it.
  char text[64];  // "-2562047788015215 h -59 min -59 s" at most
  char* p = text;
  auto part = [&](std::int64_t v, std::string_view unit) {
    if (v == 0) return;
    if (p != text) *p++ = ' ';
    p = std::to_chars(p, text + sizeof text, v).ptr;
    *p++ = ' ';
    p = std::copy(unit.begin(), unit.end(), p);
  };
  part(seconds / 3600, "h");
  part(seconds % 3600 / 60, "min");
  part(seconds % 60, "s");
  return std::string(text, static_cast<std::size_t>(p - text));
}

}  // namespace plancalc
