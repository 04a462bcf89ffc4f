// SLA values -> response JSON: the `sla` operation's result, a tier's SLA in
// `compare` and `describe`, and the catalog's calendars (docs/api.md).
#pragma once

#include <vector>

#include "plancalc/catalog.hpp"
#include "plancalc/sla.hpp"
#include "response_writer.hpp"

namespace plancalc::response {

// {"id", "name", "names", "zone", "hours", "holidays"} per calendar.
ojson calendars(const Catalog& c);
// A tier's SLA for display: channels, priority, note, response targets (with
// the calendars they are counted in) and uptime targets with their downtime.
ojson tier_sla(const Catalog& c, const TierSla& sla);
// The SLA conventions every `sla` result states (conventions.sla).
ojson sla_conventions();

struct SlaAnswer {
  const Tier* tier = nullptr;
  WrittenMoment opened{Moment::from_seconds(0), 0};
  const BusinessCalendar* region = nullptr;  // asked for; none = each target's first
  std::vector<Due> dues;                     // one per target asked for, in catalog order
};

// The `sla` result body (without catalog and conventions).
ojson sla(const Catalog& c, const SlaAnswer& answer);

}  // namespace plancalc::response
