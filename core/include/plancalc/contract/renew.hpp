// renew: what renewing support costs on a given day, and the term it buys.
//
// The renewal date falls into one of the policy's windows, counted from the
// end of support E: window i covers dates up to add_months_clamped(E, m_i)
// inclusive; an early renewal (before E) falls into the first window. The
// window's rate applies to the list price in force on the renewal date —
// the product's list price (support for a bought product) or the plan's
// price for the quantity (a subscription). The new term starts at E
// (anchor previous_end) or on the renewal date (anchor activation); an
// early renewal always continues from E so terms never overlap.
#pragma once

#include <optional>
#include <vector>

#include "plancalc/catalog/catalog.hpp"
#include "plancalc/pricing/pricing.hpp"

namespace plancalc {

struct RenewRequest {
  const Plan* plan = nullptr;        // a subscription, or
  const Product* product = nullptr;  // support for a bought product
  std::int64_t quantity = 1;
  Date support_end = Date::from_days(0);  // exclusive end of the current support
  Date date = Date::from_days(0);         // the renewal (activation) date
};

struct WindowSpan {
  const RenewalWindow* window = nullptr;
  std::optional<Date> last_day;  // inclusive; none = open-ended
};

struct RenewResult {
  const RenewalPolicy* policy = nullptr;
  const LapsePolicy* lapse = nullptr;
  std::vector<WindowSpan> windows;  // the policy's windows as dates
  int window = 0;                   // index into windows
  bool early = false;               // renewed before the end of support
  Money list_price = Money::zero();  // product list price, or the plan's period price
  std::optional<Date> list_price_from;  // none: the plan's price is not dated
  Line line;                         // the renewal charge, explained
  Date term_start = Date::from_days(0);
  Date term_end = Date::from_days(0);
  int gap_days = 0;                  // days from the end of support to a late renewal
  bool gap_covered = false;          // the new term starts at the old end and covers the gap
  std::optional<Date> vendor_notice;  // when the vendor announces the renewal
};

// Errors: plan_not_renewable, no_price_in_force, quantity_out_of_range.
RenewResult renew(const Catalog& catalog, const RenewRequest& request);

// The policies that govern a renewal of the request's plan or product.
const Policies& policies_for(const Catalog& catalog, const RenewRequest& request);

}  // namespace plancalc
