#include "sla_api.hpp"

#include <algorithm>

#include "sla_response.hpp"

namespace plancalc::api_detail {
namespace {

using namespace json_input;

const Tier& read_tier(const Catalog& catalog, const Object& r) {
  if (r.has("tier")) {
    std::string id = as_string(r.at("tier"), r.where("tier"), 200);
    const Tier* t = catalog.find_tier(id);
    if (!t) fail("unknown_tier", "no tier " + excerpt(id) + " in catalog " + excerpt(catalog.vendor.id), r.path("tier"));
    return *t;
  }
  if (r.has("plan")) return catalog.tiers[static_cast<std::size_t>(plan_at(catalog, r, "plan").tier)];
  fail("missing_field", "name the 'tier' (or a 'plan' of it) whose SLA applies", "/tier");
}

// The calendar a target is counted in: the region asked for when the
// target is served there, else the target's first calendar.
const BusinessCalendar* calendar_for(const Catalog& catalog, const ResponseTarget& t,
                                     const BusinessCalendar* region) {
  if (t.calendars.empty()) return nullptr;
  for (int i : t.calendars) {
    if (&catalog.calendars[static_cast<std::size_t>(i)] == region) return region;
  }
  return &catalog.calendars[static_cast<std::size_t>(t.calendars.front())];
}

}  // namespace

void run_sla(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& doc) {
  Object r(doc);
  r.allow_only({"op", "tier", "plan", "level", "opened", "region", "as_of"});
  const Tier& tier = read_tier(catalog, r);
  std::optional<Date> as_of;
  if (r.has("as_of")) as_of = as_date(r.at("as_of"), r.where("as_of"));
  if (!tier.sla) {
    fail("no_sla", "tier " + excerpt(tier.id) + " of catalog " + excerpt(catalog.vendor.id) + " states no SLA",
         r.has("tier") ? r.path("tier") : r.path("plan"));
  }
  const TierSla& sla = *tier.sla;
  std::vector<const ResponseTarget*> targets;
  if (r.has("level")) {
    std::string level = as_string(r.at("level"), r.where("level"), 200);
    auto it = std::find_if(sla.response.begin(), sla.response.end(),
                           [&](const ResponseTarget& t) { return t.level == level; });
    if (it == sla.response.end()) {
      std::string levels;
      for (const ResponseTarget& t : sla.response) levels += (levels.empty() ? "" : ", ") + t.level;
      fail("unknown_level",
           "tier " + excerpt(tier.id) + " has no response target for the level " + excerpt(level) +
               (levels.empty() ? std::string("; its SLA states no response times") : "; its levels are " + levels),
           r.path("level"));
    }
    targets.push_back(&*it);
  } else {
    for (const ResponseTarget& t : sla.response) targets.push_back(&t);
  }
  WrittenMoment opened = parse_moment(as_string(r.at("opened"), r.where("opened"), 64), r.path("opened"));
  const BusinessCalendar* region = nullptr;
  if (r.has("region")) {
    std::string id = as_string(r.at("region"), r.where("region"), 200);
    region = catalog.find_calendar(id);
    if (!region) {
      std::string ids;
      for (const BusinessCalendar& c : catalog.calendars) ids += (ids.empty() ? "" : ", ") + c.id;
      fail("unknown_calendar",
           "no calendar " + excerpt(id) + " in catalog " + excerpt(catalog.vendor.id) +
               (ids.empty() ? std::string(", which has no calendars") : "; its calendars are " + ids),
           r.path("region"));
    }
  }
  response::SlaAnswer answer;
  answer.tier = &tier;
  answer.opened = opened;
  answer.region = region;
  for (const ResponseTarget* t : targets) {
    const BusinessCalendar* cal = calendar_for(catalog, *t, region);
    Due d = due_moment(*t, cal, opened);
    if (region && cal && cal != region) {
      d.steps.insert(d.steps.begin(), Explanation{"sla.other_calendar", {{"region", region->id}, {"calendar", cal->id}}});
    }
    answer.dues.push_back(std::move(d));
  }
  response_parts::begin_result(w, catalog, parts, as_of, response::sla_conventions,
                              parts ? &parts->sla_header : nullptr);
  response::sla(w, catalog, answer);
  response_parts::end_result(w);
}

}  // namespace plancalc::api_detail
