// What a customer needs from a plan (features, response targets, uptime) and
// whether a tier gives it: the basis of compare's needs-based recommendation.
// A need is met or not exactly as the catalog states the tier's terms; each
// miss is an explanation the page words ("no phone support", "first response
// target 24 h, more than the 4 h needed").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plancalc/catalog/catalog.hpp"
#include "plancalc/explanation/explanation.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc {

// The longest acceptable target of one SLA level, in hours (compared with
// targets on the business and calendar clocks) or in business days
// (compared with targets on the business_days clock).
struct ResponseNeed {
  std::string level;
  std::int64_t hours = 0;  // > 0 for a need in hours
  int days = 0;            // > 0 for a need in business days
};

struct Needs {
  std::vector<std::string> features;  // feature ids, all required
  std::vector<ResponseNeed> response;
  std::optional<Rate> uptime;  // every service of the tier at or above it
  bool empty() const { return features.empty() && response.empty() && !uptime; }
};

struct NeedsCheck {
  bool meets = true;
  std::vector<Explanation> missed;  // one per need not met, in the needs' order
  std::vector<Explanation> met;     // one per need met, in the needs' order
};

NeedsCheck check_needs(const Catalog& catalog, const Tier& tier, const Needs& needs);

// The ids a need may name, for the errors of a request that names another.
std::vector<std::string> feature_ids(const Catalog& catalog);
std::vector<std::string> response_levels(const Catalog& catalog);

}  // namespace plancalc
