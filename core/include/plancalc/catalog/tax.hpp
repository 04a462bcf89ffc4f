// A catalog's tax: its label, rate and whether prices include it.
// Applying it to a billing period is pricing/apply_tax.hpp.
#pragma once

#include <string>
#include "plancalc/catalog/names.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc {

struct Tax {
  std::string label;  // e.g. "IVA", "VAT", "moms"
  Names names;
  Rate rate = Rate::from_micro_percent(0);
  bool inclusive = false;
};

}  // namespace plancalc
