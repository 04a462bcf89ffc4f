#include "plancalc/pricing/needs.hpp"

#include <algorithm>
#include <string_view>

#include "plancalc/calendar/duration.hpp"

namespace plancalc {
namespace {

template <typename T>
void add_unique(std::vector<std::string>& ids, const T& id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

const ResponseTarget* find_target(const Tier& tier, const std::string& level) {
  if (!tier.sla) return nullptr;
  for (const ResponseTarget& t : tier.sla->response) {
    if (t.level == level) return &t;
  }
  return nullptr;
}

// A response explanation: the level, the tier's clock (and its calendar, for
// business hours), the target and the need, each in its unit. Targets in
// hours and in business days have keys of their own ("…_days": the need is
// in business days), so that every sentence has all its words.
Explanation response_explanation(std::string_view key, const Catalog& catalog, const ResponseTarget& t,
                                 const ResponseNeed& need) {
  Explanation e{key, {{"level", need.level}, {"clock", std::string(to_string(t.clock))}}};
  if (t.clock == SlaClock::business && !t.calendars.empty()) {
    e.with("calendar", catalog.calendars[static_cast<std::size_t>(t.calendars.front())].id);
  }
  if (t.clock == SlaClock::business_days) {
    e.with("target_days", static_cast<std::int64_t>(t.days));
  } else {
    e.with("target", format_duration(t.seconds));
  }
  if (need.days > 0) {
    e.with("needed_days", static_cast<std::int64_t>(need.days));
  } else {
    e.with("needed", format_duration(need.hours * 3600));
  }
  return e;
}

void check_response(const Catalog& catalog, const Tier& tier, const ResponseNeed& need, NeedsCheck& out) {
  const ResponseTarget* t = find_target(tier, need.level);
  if (!t) {
    out.missed.push_back({"needs.no_response_target", {{"level", need.level}}});
    return;
  }
  bool in_days = need.days > 0;
  if (in_days != (t->clock == SlaClock::business_days)) {
    // 8 business hours and 1 business day are not the same length in every
    // calendar: a target on the other clock is not taken as meeting it.
    out.missed.push_back(response_explanation(in_days ? "needs.response_other_clock_days" : "needs.response_other_clock",
                                              catalog, *t, need));
    return;
  }
  bool meets = in_days ? t->days <= need.days : t->seconds <= need.hours * 3600;
  const char* key = in_days ? (meets ? "needs.response_within_days" : "needs.response_slower_days")
                            : (meets ? "needs.response_within" : "needs.response_slower");
  (meets ? out.met : out.missed).push_back(response_explanation(key, catalog, *t, need));
}

void check_uptime(const Tier& tier, Rate needed, NeedsCheck& out) {
  if (!tier.sla || tier.sla->uptime.empty()) {
    out.missed.push_back({"needs.no_uptime_target", {{"needed_percent", needed}}});
    return;
  }
  // The lowest promise decides: every service must be at or above the need.
  const UptimeTarget* lowest = &tier.sla->uptime.front();
  for (const UptimeTarget& u : tier.sla->uptime) {
    if (u.percent.micro_percent() < lowest->percent.micro_percent()) lowest = &u;
  }
  bool meets = lowest->percent.micro_percent() >= needed.micro_percent();
  Explanation e{meets ? "needs.uptime_at_least" : "needs.uptime_lower",
                {{"uptime_service", lowest->service}, {"percent", lowest->percent}, {"needed_percent", needed}}};
  (meets ? out.met : out.missed).push_back(std::move(e));
}

}  // namespace

NeedsCheck check_needs(const Catalog& catalog, const Tier& tier, const Needs& needs) {
  NeedsCheck out;
  for (const std::string& id : needs.features) {
    bool has = std::any_of(tier.features.begin(), tier.features.end(), [&](const Feature& f) { return f.id == id; });
    (has ? out.met : out.missed).push_back({has ? "needs.feature_included" : "needs.no_feature", {{"feature", id}}});
  }
  for (const ResponseNeed& need : needs.response) check_response(catalog, tier, need, out);
  if (needs.uptime) check_uptime(tier, *needs.uptime, out);
  out.meets = out.missed.empty();
  return out;
}

std::vector<std::string> feature_ids(const Catalog& catalog) {
  std::vector<std::string> ids;
  for (const Tier& t : catalog.tiers) {
    for (const Feature& f : t.features) add_unique(ids, f.id);
  }
  return ids;
}

std::vector<std::string> response_levels(const Catalog& catalog) {
  std::vector<std::string> ids;
  for (const Tier& t : catalog.tiers) {
    if (!t.sla) continue;
    for (const ResponseTarget& r : t.sla->response) add_unique(ids, r.level);
  }
  return ids;
}

}  // namespace plancalc
