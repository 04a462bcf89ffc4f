// A discount as the catalog states it: a percentage or a fixed amount off a
// billing period, with the conditions under which it holds, and how the
// catalog's discounts stack. Applying them is pricing/apply_discounts.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include "plancalc/calendar/calendar.hpp"
#include "plancalc/catalog/names.hpp"
#include "plancalc/money/money.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc {

struct Discount {
  std::string id;
  std::string name;
  Names names;
  enum class Kind { percent, fixed } kind = Kind::percent;
  Rate rate = Rate::from_micro_percent(0);  // percent
  Money amount = Money::zero();             // fixed, per billing period
  bool includes_usage = false;              // applies to usage lines too, not only the plan price
  // Conditions; each absent one holds.
  std::vector<std::pair<std::string, std::string>> context;  // all must equal the request's
  std::vector<int> billing_months;
  std::vector<int> plans;  // indices into Catalog::plans
  std::optional<std::int64_t> min_quantity;
  std::optional<Date> valid_from;   // inclusive, compared with the period start
  std::optional<Date> valid_until;  // exclusive
  std::optional<std::string> coupon;
};

enum class Stacking { sequential, exclusive };
const char* to_string(Stacking stacking);

}  // namespace plancalc
