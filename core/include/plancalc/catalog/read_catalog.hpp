// JSON text -> validated Catalog. Every error names the JSON Pointer of the
// offending value inside the catalog (source "catalog"). See docs/catalog.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "plancalc/catalog/catalog.hpp"

namespace plancalc {

constexpr std::size_t kMaxCatalogBytes = 4 * 1024 * 1024;

Catalog read_catalog(std::string_view text);

// FNV-1a 64 of a text as 16 lowercase hex digits: the hash of the catalog
// fingerprint ("fnv1a64:" + fnv1a64_hex(canonical JSON)), also used for
// proposal ids.
std::string fnv1a64_hex(std::string_view text);

}  // namespace plancalc
