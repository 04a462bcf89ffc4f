// The `sla` operation's request -> due moments -> result (docs/api.md).
#pragma once

#include "api_common.hpp"

namespace plancalc::api_detail {

void run_sla(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& request);

}  // namespace plancalc::api_detail
