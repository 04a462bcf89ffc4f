// SLA values as JSON text (response_parts.hpp): the `sla` operation's result,
// a tier's SLA in `compare` and `describe`, and the catalog's calendars
// (docs/api.md).
#pragma once

#include <vector>

#include "plancalc/catalog/catalog.hpp"
#include "plancalc/sla/sla.hpp"
#include "response_parts.hpp"

namespace plancalc::response {

using response_parts::Writer;

// [{"id", "name", "names", "zone", "hours", "holidays"}] per calendar.
void calendars(Writer& w, const Catalog& c);
// A tier's SLA for display: channels, priority, note, response targets (with
// the calendars they are counted in) and uptime targets with their downtime.
void tier_sla(Writer& w, const Catalog& c, const TierSla& sla);
// "sla": {...}: the SLA conventions every `sla` result states in its
// conventions (a more_conventions of begin_result()).
void sla_conventions(Writer& w);

struct SlaAnswer {
  const Tier* tier = nullptr;
  WrittenMoment opened{Moment::from_seconds(0), 0};
  const BusinessCalendar* region = nullptr;  // asked for; none = each target's first
  std::vector<Due> dues;                     // one per target asked for, in catalog order
};

// The `sla` result's fields: tier, opened, region, channels, priority, note,
// targets, uptime.
void sla(Writer& w, const Catalog& c, const SlaAnswer& answer);

}  // namespace plancalc::response
