// What the api unit's files share: errors that carry details, id look-ups
// with request paths, and the per-operation entry points (each maps one op's
// request JSON to the engine and writes the whole response text).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "plancalc/json/json_input.hpp"
#include "plancalc/catalog/catalog.hpp"
#include "plancalc/error/error.hpp"
#include "plancalc/pricing/charge.hpp"
#include "response_parts.hpp"

namespace plancalc::api_detail {

using json = nlohmann::json;
using json_input::Request;
using response_parts::CatalogParts;
using response_parts::Writer;

// An error whose response also carries structured details (e.g. the
// renewal that must come before a licence purchase), as JSON text.
class DetailedError : public Error {
 public:
  DetailedError(const Error& e, std::string details) : Error(e), details_(std::move(details)) {}
  const std::string& details() const { return details_; }

 private:
  std::string details_;
};

// usage (per month), context and coupon: what the customer expects and is.
// Errors: unknown_usage, unknown_coupon, too_many_items.
Purchase read_purchase(const Catalog& catalog, const json_input::Object& r);

const Plan& plan_at(const Catalog& catalog, const json_input::Object& r, const char* key);
const Product& product_at(const Catalog& catalog, const json_input::Object& r, const char* key);

// Each writes the whole response into w. parts: the engine's catalog parts,
// or none (response_parts::begin_result).
void run_renew(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& request);
void run_change(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& request);
void run_cancel(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& request);
void run_add_licenses(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& request);
void run_proposal(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& request);

}  // namespace plancalc::api_detail
