// add_licenses: buying more units for a running contract, co-termed: the
// added units are charged only up to the current term's end, prorated by
// days — the difference between the period price for the new and the old
// quantity (so banded prices stay right), rounded once. If support has
// lapsed and the policy requires active support (seed 000), the purchase is
// refused (SupportInactive) until the contract is renewed.
#pragma once

#include "plancalc/contract/contract.hpp"
#include "plancalc/pricing/pricing.hpp"
#include "plancalc/contract/proration.hpp"

namespace plancalc {

struct AddLicensesRequest {
  Contract contract;
  std::int64_t add = 1;
  Date date = Date::from_days(0);
};

struct AddLicensesResult {
  bool co_termed = true;           // false: lapsed, no support needed; a new term starts
  Term term;                       // the term the units are co-termed to
  ProrationDays days;
  Money period_before = Money::zero();  // period price for the current quantity
  Money period_after = Money::zero();   // ... and for the new quantity
  Line charge;
  Money next_renewal_amount = Money::zero();
  Date next_renewal_date = Date::from_days(0);
};

// Errors: support_inactive, quantity_out_of_range, date_before_start.
AddLicensesResult add_licenses(const Catalog& catalog, const AddLicensesRequest& request);

}  // namespace plancalc
