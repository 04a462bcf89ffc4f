// Tax on a billing period: exclusive (added on top of the net) or inclusive
// (catalog prices already contain it; the net is derived so that
// net + tax = the price exactly). Rounded once per period.
#pragma once

#include <string>

#include "plancalc/explanation.hpp"
#include "plancalc/money.hpp"
#include "plancalc/policy.hpp"
#include "plancalc/rounding.hpp"

namespace plancalc {

struct Tax {
  std::string label;  // e.g. "IVA", "VAT", "moms"
  Names names;
  Rate rate = Rate::from_micro_percent(0);
  bool inclusive = false;
};

struct TaxedAmount {
  Money net = Money::zero();
  Money tax = Money::zero();
  Money gross = Money::zero();
  Explanation explanation;
};

// `subtotal` is the net (exclusive tax) or the gross (inclusive tax).
TaxedAmount apply_tax(const Tax& tax, Money subtotal, Rounding rounding);

}  // namespace plancalc
