// compare: every selected plan priced for the same customer, ranked by what
// it costs over the horizon, with the savings of longer billing periods and
// the feature matrix of the tiers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plancalc/catalog/catalog.hpp"
#include "plancalc/error/error.hpp"
#include "plancalc/explanation/explanation.hpp"
#include "plancalc/pricing/needs.hpp"
#include "plancalc/pricing/quote.hpp"

namespace plancalc {

struct CompareRequest {
  std::vector<const Plan*> plans;  // already filtered, catalog order
  std::int64_t quantity = 1;
  Date start = Date::from_days(0);
  int horizon_months = 36;
  Purchase purchase;
  std::optional<Needs> needs;  // none: no needs-based recommendation
};

struct CompareRow {
  const Plan* plan = nullptr;
  std::optional<Quote> quote;  // none when the plan cannot be priced
  std::optional<Error> error;
  int rank = 0;  // 1 = cheapest over the horizon; 0 when not priced
  std::optional<NeedsCheck> needs;  // when the request states needs
};

// The needs-based recommendation: the cheapest plan over the horizon among
// those that meet every need; when none does, the closest one and the plans
// priced on request, which may.
struct NeedsOutcome {
  const CompareRow* recommended = nullptr;
  Explanation explanation;
  // With a recommendation dearer than the cheapest plan: what the cheapest
  // misses (the needs that make the difference).
  std::vector<Explanation> because;
  const CompareRow* closest = nullptr;  // none meets: fewest needs missed, then cheapest
  std::vector<const CompareRow*> on_request;
};

struct Saving {
  const Tier* tier = nullptr;
  const Plan* shorter = nullptr;
  const Plan* longer = nullptr;
  int months = 0;  // the longer plan's billing period
  Money shorter_cost = Money::zero();
  Money longer_cost = Money::zero();
  Money saving = Money::zero();
  std::int64_t permille = 0;  // saving / shorter_cost in tenths of a percent, half up
  Explanation explanation;
};

// Where a higher tier becomes cheaper than the tier below it as the usage of
// one allowance grows (same billing period, other usage unchanged).
struct BreakEven {
  const Plan* lower = nullptr;
  const Plan* higher = nullptr;
  std::string allowance;   // the usage key
  std::string unit;
  std::int64_t usage = 0;  // per month: from here on the higher tier is cheaper
  Money lower_cost = Money::zero();   // one billing period at that usage
  Money higher_cost = Money::zero();
  Explanation explanation;
};

struct FeatureRow {
  const Feature* feature = nullptr;  // first definition, in tier order
  std::vector<bool> in_tier;         // per catalog tier
};

struct Comparison {
  std::vector<CompareRow> rows;  // by tier rank, then billing months
  const CompareRow* cheapest = nullptr;
  Explanation cheapest_explanation;
  std::vector<Saving> savings;
  std::vector<BreakEven> break_evens;
  // Why plans that would be cheaper without the expected usage are not.
  std::vector<Explanation> reasons;
  Date horizon_end = Date::from_days(0);
  std::optional<NeedsOutcome> needs;  // when the request states needs
};

Comparison compare(const Catalog& catalog, const CompareRequest& request);

// Tiers in rank order (indices into catalog.tiers).
std::vector<int> tiers_by_rank(const Catalog& catalog);
// The union of the tiers' features, with which tier offers each.
std::vector<FeatureRow> feature_matrix(const Catalog& catalog);

// A whole percentage with one decimal from tenths of a percent: 167 -> "16.7".
std::string format_permille(std::int64_t permille);

}  // namespace plancalc
