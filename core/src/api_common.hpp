// What the api unit's files share: the result header, id look-ups with
// request paths, errors that carry details, and the per-operation entry
// points (each maps one op's request JSON to the engine and back).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "plancalc/catalog.hpp"
#include "plancalc/error.hpp"

namespace plancalc::api_detail {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

// An error whose response also carries structured details (e.g. the
// renewal that must come before a licence purchase).
class DetailedError : public Error {
 public:
  DetailedError(const Error& e, ojson details) : Error(e), details_(std::move(details)) {}
  const ojson& details() const { return details_; }

 private:
  ojson details_;
};

// {"catalog": ..., "conventions": ..., <body's keys>}
ojson with_header(const Catalog& catalog, std::optional<Date> as_of, ojson body);

const Plan& plan_at(const Catalog& catalog, const json_input::Object& r, const char* key);
const Product& product_at(const Catalog& catalog, const json_input::Object& r, const char* key);

ojson run_renew(const Catalog& catalog, const json& request);
ojson run_change(const Catalog& catalog, const json& request);
ojson run_cancel(const Catalog& catalog, const json& request);
ojson run_add_licenses(const Catalog& catalog, const json& request);

}  // namespace plancalc::api_detail
