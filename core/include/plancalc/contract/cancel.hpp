// cancel: what ending a contract on a given day means — when service ends,
// what (if anything) is refunded, and whether the notice deadline was met.
//
// effective end_of_term: service runs to the end of the current term;
// end_of_month: to the end of the calendar month the cancellation is
// notified in (seed 003). A notice rule of N days before the end that is
// missed on an auto-renewing plan lets one more term renew first. Refund
// none, or prorated: the part of the current term's price after the
// effective end, rounded once.
#pragma once

#include <optional>

#include "plancalc/contract/contract.hpp"
#include "plancalc/pricing/pricing.hpp"
#include "plancalc/contract/proration.hpp"

namespace plancalc {

struct CancelRequest {
  Contract contract;
  Date date = Date::from_days(0);  // the day the customer notifies
};

struct CancelResult {
  const CancellationPolicy* policy = nullptr;
  bool auto_renew = false;
  Term term;                                 // the current term
  Date service_until = Date::from_days(0);   // exclusive end of service
  std::optional<Date> notice_deadline;       // last day to notify for the earliest end
  bool notice_met = true;
  bool renews_once_more = false;             // missed notice on an auto-renewing plan
  Money renewal_charge = Money::zero();      // what that extra renewal costs
  ProrationDays days;                        // refund days (prorated only)
  Line refund;                               // amount ≤ 0 (money back), explained
};

// Errors: support_inactive, date_before_start.
CancelResult cancel(const Catalog& catalog, const CancelRequest& request);

}  // namespace plancalc
