// change: moving a running contract to another plan (tier, billing period
// or both) on a given day.
//
// The change policy's cases are tried in order, the first that matches the
// direction (by tier rank), tiers and billing periods decides; else the
// default. immediate: the unused part of the current term is credited and
// the new plan's part charged, both prorated by days and rounded once each;
// a change of billing-period length instead starts a new term on the change
// date and charges the new plan's full period. end_of_term: scheduled for
// the current term's end, nothing charged or credited now. not_allowed:
// refused, with the earliest date it can be made (the current term's end,
// when the customer can buy the other plan at renewal).
#pragma once

#include <optional>

#include "plancalc/contract/contract.hpp"
#include "plancalc/pricing/pricing.hpp"
#include "plancalc/contract/proration.hpp"

namespace plancalc {

struct ChangeRequest {
  Contract current;
  const Plan* target = nullptr;
  std::int64_t target_quantity = 1;
  Date date = Date::from_days(0);
};

struct ChangeResult {
  ChangeDirection direction = ChangeDirection::same_tier;
  ChangeEffect effect = ChangeEffect::not_allowed;
  int matched_case = -1;  // index into the policy's cases; -1 = the default
  ProrationBasis basis = ProrationBasis::actual_days;
  Term term;                       // the current term
  Date effective = Date::from_days(0);
  std::optional<Date> earliest_allowed;  // when refused
  ProrationDays days;
  std::optional<Line> credit;      // immediate only
  std::optional<Line> charge;      // immediate only
  Money net = Money::zero();       // charge − credit (negative: money back)
  Date new_term_start = Date::from_days(0);
  Date new_term_end = Date::from_days(0);
  bool new_term = false;           // billing length changed: a new term starts
  Money next_renewal_amount = Money::zero();
  Date next_renewal_date = Date::from_days(0);
};

// Errors: support_inactive (SupportInactive), plan_not_sold, date_before_start,
// quantity_out_of_range, no_price_in_force.
ChangeResult change(const Catalog& catalog, const ChangeRequest& request);

}  // namespace plancalc
