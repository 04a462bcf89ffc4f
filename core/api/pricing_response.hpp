// The results of quote, compare and describe, and the catalog parts they
// share, written as JSON text (response_parts.hpp). Each function writes its
// fields into the result object begin_result() left open.
#pragma once

#include <cstdint>

#include "plancalc/catalog/catalog.hpp"
#include "plancalc/pricing/compare.hpp"
#include "plancalc/pricing/quote.hpp"
#include "response_parts.hpp"

namespace plancalc::response {

using response_parts::CatalogParts;
using response_parts::Writer;

// The parts of the catalog's responses written once per engine.
CatalogParts catalog_parts(const Catalog& c);

// The catalog's tiers in rank order (features, SLA), and the feature matrix
// (which tier has which feature), as compare and describe give them.
void tiers(Writer& w, const Catalog& c);
void features(Writer& w, const Catalog& c);

// quote: plan (from parts when there are some), quantity, first_period,
// effective_per_month, schedule, horizon.
void quote(Writer& w, const Catalog& c, const CatalogParts* parts, const Quote& q, int horizon_months, Date start);
// compare: quantity, horizon, rows, cheapest, savings, break_even, tiers,
// features (the last two from parts when there are some).
void comparison(Writer& w, const Catalog& c, const CatalogParts* parts, const Comparison& cmp,
                std::int64_t quantity, int horizon_months, Date start);
// describe: vendor, currency, tiers, plans, products, services, discounts, tax, calendars.
void describe(Writer& w, const Catalog& c, const CatalogParts* parts);

}  // namespace plancalc::response
