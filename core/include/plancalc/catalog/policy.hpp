// Contract policies: how a vendor renews, lets lapse, changes and cancels
// support. All of it is catalog data (docs/catalog.md, "policies"); the
// engine has no vendor-specific rule. A plan may override any section of
// the catalog's policies.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plancalc/calendar/calendar.hpp"
#include "plancalc/catalog/names.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc {


// Where a renewal's new term starts.
enum class TermAnchor { previous_end, activation };
const char* to_string(TermAnchor anchor);

// A renewal bought up to `months_after_end` months after the end of support
// (inclusive of that day; none = any time later) costs `rate` % of the list
// price. An early renewal, before the end, falls in the first window.
struct RenewalWindow {
  std::string id;
  std::string name;
  Names names;
  std::optional<int> months_after_end;
  Rate rate = Rate::from_micro_percent(100 * Rate::kScale);
  TermAnchor anchor = TermAnchor::previous_end;
};

// When the customer must act to change or cancel.
enum class CustomerNotice {
  none,                  // any time before the term ends
  end_of_current_month,  // seed 003: takes effect at the end of the month notified in
  days_before_end,       // at least `days` days before the term ends
};

struct RenewalPolicy {
  bool auto_renew = false;
  int term_months = 12;
  std::optional<int> vendor_notice_months;  // the vendor announces the renewal this long before
  std::vector<RenewalWindow> windows;       // ordered; the last has no limit
};

struct LapsePolicy {
  bool software_keeps_working = true;
  bool updates_continue = false;
  bool add_licenses_requires_active_support = false;
  bool gap_updates_granted = false;
};

enum class ProrationBasis { actual_days, thirty_day_months };
const char* to_string(ProrationBasis basis);

enum class ChangeEffect { immediate, end_of_term, not_allowed };
const char* to_string(ChangeEffect effect);

enum class ChangeDirection { upgrade, downgrade, same_tier };
const char* to_string(ChangeDirection direction);

// One case of the change policy; absent conditions match anything.
struct ChangeCase {
  std::optional<ChangeDirection> direction;
  std::optional<int> from_tier;  // indices into Catalog::tiers
  std::optional<int> to_tier;
  std::optional<int> from_billing_months;
  std::optional<int> to_billing_months;
  ChangeEffect effect = ChangeEffect::not_allowed;
};

struct ChangePolicy {
  ProrationBasis basis = ProrationBasis::actual_days;
  std::vector<ChangeCase> cases;  // first match wins
  ChangeEffect default_effect = ChangeEffect::not_allowed;
};

enum class Refund { none, prorated };
const char* to_string(Refund refund);
enum class CancelEffective { end_of_term, end_of_month };
const char* to_string(CancelEffective effective);

struct CancellationPolicy {
  Refund refund = Refund::none;
  CancelEffective effective = CancelEffective::end_of_term;
  CustomerNotice notice = CustomerNotice::none;
  int notice_days = 0;  // for days_before_end
};

struct Policies {
  RenewalPolicy renewal;
  LapsePolicy lapse;
  ChangePolicy change;
  CancellationPolicy cancellation;
};

// A plan no longer sold to new customers from `sold_until` (exclusive), still
// renewable by existing ones until `renewable_until` (exclusive, if set).
struct Legacy {
  Date sold_until = Date::from_days(0);
  std::optional<Date> renewable_until;
};

}  // namespace plancalc
