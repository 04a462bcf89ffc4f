// Engine values -> response JSON (ordered keys, amounts as decimal strings
// with exactly the currency's decimals).
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "plancalc/catalog.hpp"
#include "plancalc/compare.hpp"
#include "plancalc/error.hpp"
#include "plancalc/quote.hpp"

namespace plancalc::response {

using ojson = nlohmann::ordered_json;

ojson error(const Error& e);
ojson ok(ojson result);

// The catalog identity and conventions every result carries.
ojson catalog_ref(const Catalog& c);
ojson conventions(const Catalog& c, std::optional<Date> as_of);

ojson explanation(const Catalog& c, const Explanation& e);
ojson line(const Catalog& c, const Line& l);
std::string money(const Catalog& c, Money m);
ojson names(const Names& n);
ojson period_json(const Catalog& c, const Charge& charge);
ojson quote(const Catalog& c, const Quote& q, int horizon_months, Date start);
ojson comparison(const Catalog& c, const Comparison& cmp, std::int64_t quantity,
                 int horizon_months, Date start);
ojson describe(const Catalog& c);
// The catalog's tiers in rank order (features, SLA) and the feature matrix,
// as comparison() gives them.
ojson tiers(const Catalog& c);
ojson features(const Catalog& c);

}  // namespace plancalc::response
