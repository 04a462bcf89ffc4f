// JSON text -> validated Catalog. Every error names the JSON Pointer of the
// offending value inside the catalog (source "catalog"). See docs/catalog.md.
#pragma once

#include <string_view>

#include "json_input.hpp"
#include "plancalc/catalog.hpp"

namespace plancalc {

constexpr std::size_t kMaxCatalogBytes = 4 * 1024 * 1024;

Catalog read_catalog(std::string_view text);

// A "names" object (locale -> text) of a catalog item.
Names read_names(const json_input::Object& o);

}  // namespace plancalc
