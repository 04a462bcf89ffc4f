// The "policies" section of a catalog (and of a plan, as overrides) ->
// Policies. See docs/catalog.md.
#pragma once

#include "plancalc/json/json_input.hpp"
#include "plancalc/catalog/catalog.hpp"

namespace plancalc {

// Reads the sections present in `o` over `base` (a section given replaces
// the base's section whole).
Policies read_policies(const json_input::Object& o, const Catalog& catalog, Policies base);

}  // namespace plancalc
