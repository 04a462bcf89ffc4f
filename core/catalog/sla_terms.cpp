#include "plancalc/catalog/sla_terms.hpp"

namespace plancalc {

const char* to_string(SlaClock clock) {
  switch (clock) {
    case SlaClock::business:
      return "business";
    case SlaClock::business_days:
      return "business_days";
    case SlaClock::calendar:
      return "calendar";
  }
  return "business";
}

bool parse_sla_clock(std::string_view name, SlaClock& clock) {
  for (SlaClock c : {SlaClock::business, SlaClock::business_days, SlaClock::calendar}) {
    if (name == to_string(c)) {
      clock = c;
      return true;
    }
  }
  return false;
}

}  // namespace plancalc
