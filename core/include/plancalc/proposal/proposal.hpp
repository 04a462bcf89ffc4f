// proposal: a seller's multi-line, negotiated, dated quote (issue 18).
//
// A proposal prices several items of one catalog over one horizon, each
// exactly as the single-item operations price it:
//   plan     one charge per billing period starting within the horizon, as
//            quote prices it (price_charge: price model, catalog discounts,
//            tax); quantity steps mid-term priced by add_licenses (more units
//            of the same plan, co-termed) or change (another plan or fewer
//            units, as the change policy says; a step the policy does not
//            make immediate is refused); a step on a term boundary changes
//            what the next period is priced for;
//   product  the licence purchase at the list price in force on its date,
//            and, when the product includes support, each on-time renewal
//            renew prices (window, rate, list price, new term) while it
//            falls within the horizon;
//   service  hours of work at the service's rate, billed in its increments
//            (hourly_month).
// A negotiated discount (the item's own, then the proposal-wide one) is a
// percent discount line of every charge, after the catalog's discounts and
// stacked by the catalog's rule; tax applies to what is left. The discount
// limit of the catalog's `sales` block decides whether approval is needed.
// Charges are dated; totals are sums of rounded lines per proposal year
// (from the start), per calendar year and over the horizon.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plancalc/catalog/catalog.hpp"
#include "plancalc/explanation/explanation.hpp"
#include "plancalc/pricing/apply_discounts.hpp"
#include "plancalc/pricing/pricing.hpp"

namespace plancalc {

struct NegotiatedDiscount {
  Rate rate = Rate::from_micro_percent(0);
  std::string reason;
};

// A change of a plan item on a date: to `plan` (the item's current plan when
// the request names none) for `quantity` units.
struct ProposalStep {
  Date date = Date::from_days(0);
  const Plan* plan = nullptr;
  std::int64_t quantity = 1;
};

struct ProposalItem {
  enum class Kind { plan, product, service };
  Kind kind = Kind::plan;
  const Plan* plan = nullptr;
  const Product* product = nullptr;
  const HourlyService* service = nullptr;
  std::int64_t quantity = 1;          // plan and product
  Date date = Date::from_days(0);     // the plan's first day, the purchase, the work
  std::vector<ProposalStep> steps;    // plan; dates strictly increasing, after `date`
  std::int64_t minutes = 0;           // service
  std::optional<NegotiatedDiscount> discount;
};

struct ProposalRequest {
  Date issued = Date::from_days(0);
  int valid_days = 30;
  Date start = Date::from_days(0);
  int horizon_months = 36;
  std::vector<ProposalItem> items;  // at least one
  std::optional<NegotiatedDiscount> discount;  // proposal-wide
  CustomerContext customer;
  // The request in canonical form (keys sorted, no whitespace, without "op"
  // and "lang"), for the proposal id.
  std::string canonical_request;
};

// One dated charge of an item: its lines (price, discounts), tax, total.
struct ProposalCharge {
  std::string_view kind;  // "period", "step", "purchase", "renewal", "service"
  Date date = Date::from_days(0);
  std::optional<Date> end;  // the period or support term it pays for
  Explanation explanation;
  std::vector<Line> lines;
  Money subtotal = Money::zero();
  std::optional<Line> tax;
  Money net = Money::zero();
  Money total = Money::zero();
};

struct ProposalItemResult {
  const ProposalItem* item = nullptr;
  std::vector<ProposalCharge> charges;  // by date
  Money net = Money::zero();
  Money tax = Money::zero();
  Money total = Money::zero();
};

struct ProposalTotal {
  int year = 0;  // proposal year 1, 2, ... or calendar year 2027, ...
  Date start = Date::from_days(0);
  Date end = Date::from_days(0);  // exclusive
  Money net = Money::zero();
  Money tax = Money::zero();
  Money total = Money::zero();
};

struct Approval {
  bool required = false;
  std::optional<Rate> limit;  // none: the catalog has no sales block
  Rate asked = Rate::from_micro_percent(0);  // the largest negotiated discount of any item
  Explanation explanation;
};

// The terms that apply to some of the items, in words (explanation keys
// terms.*), drawn from the catalog's policies.
struct TermsGroup {
  std::vector<int> items;  // indices into the request's items
  std::vector<Explanation> terms;
};

struct Proposal {
  std::string id;  // "P-" + 12 hex digits
  Date valid_until = Date::from_days(0);
  Date horizon_end = Date::from_days(0);
  std::vector<ProposalItemResult> items;
  std::vector<ProposalTotal> years;           // proposal years from the start
  std::vector<ProposalTotal> calendar_years;  // only years with a charge
  Money net = Money::zero();
  Money tax = Money::zero();
  Money total = Money::zero();
  Approval approval;
  std::vector<TermsGroup> terms;
};

// Errors (paths into the request): no_items, date_before_start,
// date_after_horizon, steps_not_increasing, step_not_allowed, invalid_value
// (a step that changes nothing), quantity_out_of_range, plan_not_sold,
// no_price_in_force, amount_overflow.
Proposal price_proposal(const Catalog& catalog, const ProposalRequest& request);

// The combined rate of two percent discounts applied one after the other:
// a + b − a·b/100, rounded up to the millionth of a percent.
Rate combined_rate(Rate a, Rate b);

}  // namespace plancalc
