// The SLA parts of a catalog (docs/catalog.md, "calendars" and a tier's
// "sla") -> BusinessCalendar and TierSla. Errors name the JSON Pointer of the
// offending value, like the rest of the catalog reader.
#pragma once

#include "plancalc/json/json_input.hpp"
#include "plancalc/catalog/catalog.hpp"

namespace plancalc {

// One entry of the top-level "calendars" array.
BusinessCalendar read_calendar(const json_input::Object& o);

// A tier's "sla"; calendar ids resolve against catalog.calendars (read
// before the tiers).
TierSla read_tier_sla(const json_input::Object& o, const Catalog& catalog);

}  // namespace plancalc
