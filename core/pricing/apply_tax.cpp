#include "plancalc/pricing/apply_tax.hpp"

namespace plancalc {

TaxedAmount apply_tax(const Tax& tax, Money subtotal, Rounding rounding) {
  TaxedAmount t;
  if (!tax.inclusive) {
    t.net = subtotal;
    t.tax = apply_rate(subtotal, tax.rate, rounding);
    t.gross = add(t.net, t.tax);
    t.explanation = {"tax.exclusive", {{"label", tax.label}, {"rate", tax.rate}, {"net", t.net}, {"amount", t.tax}}};
    return t;
  }
  // gross × rate / (100 + rate), exactly, rounded once.
  t.gross = subtotal;
  Int128 micro = tax.rate.micro_percent();
  t.tax = round_quotient(static_cast<Int128>(subtotal.minor()) * micro, 100 * Rate::kScale + micro, rounding);
  t.net = subtract(t.gross, t.tax);
  t.explanation = {"tax.inclusive", {{"label", tax.label}, {"rate", tax.rate}, {"gross", t.gross}, {"amount", t.tax}}};
  return t;
}

}  // namespace plancalc
