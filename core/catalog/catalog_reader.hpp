// What the catalog's readers share (catalog_reader.cpp reads the whole
// catalog; offer_reader, policy_reader and sla_reader read its parts).
#pragma once

#include "plancalc/catalog/read_catalog.hpp"
#include "plancalc/json/json_input.hpp"

namespace plancalc {

// A "names" object (locale -> text) of a catalog item.
Names read_names(const json_input::Object& o);

}  // namespace plancalc
