// JSON text -> validated Catalog. Every error names the JSON Pointer of the
// offending value inside the catalog (source "catalog"). See docs/catalog.md.
#pragma once

#include <cstddef>
#include <string_view>

#include "plancalc/catalog/catalog.hpp"

namespace plancalc {

constexpr std::size_t kMaxCatalogBytes = 4 * 1024 * 1024;

Catalog read_catalog(std::string_view text);

}  // namespace plancalc
