// The catalog parts that shape what a customer pays beyond the plan price:
// allowances with overage, hourly services, discounts and tax.
// See docs/catalog.md.
#pragma once

#include "plancalc/json/json_input.hpp"
#include "plancalc/catalog/catalog.hpp"

namespace plancalc {

std::vector<Allowance> read_allowances(const json_input::Object& plan, const Currency& currency);
std::vector<HourlyService> read_services(const json_input::Object& root, const Currency& currency);
// Needs the catalog's plans (discounts may name them).
std::vector<Discount> read_discounts(const json_input::Object& root, const Catalog& catalog);
Stacking read_stacking(const json_input::Object& root);
std::optional<Tax> read_tax(const json_input::Object& root);

}  // namespace plancalc
