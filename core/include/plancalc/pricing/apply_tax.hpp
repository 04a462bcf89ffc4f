// Tax on a billing period: exclusive (added on top of the net) or inclusive
// (catalog prices already contain it; the net is derived so that
// net + tax = the price exactly). Rounded once per period.
#pragma once

#include <string>

#include "plancalc/explanation/explanation.hpp"
#include "plancalc/money/money.hpp"
#include "plancalc/catalog/tax.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc {

struct TaxedAmount {
  Money net = Money::zero();
  Money tax = Money::zero();
  Money gross = Money::zero();
  Explanation explanation;
};

// `subtotal` is the net (exclusive tax) or the gross (inclusive tax).
TaxedAmount apply_tax(const Tax& tax, Money subtotal, Rounding rounding);

}  // namespace plancalc
