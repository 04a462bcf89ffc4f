// The in-memory catalog: one vendor's tiers, plans, prices and policies, as
// typed values. It is built and validated once by the api unit's catalog
// reader (JSON -> Catalog) and then only read. Ids are resolved to indices at
// load time, so the engine never looks up a name twice.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plancalc/calendar/business_calendar.hpp"
#include "plancalc/calendar/calendar.hpp"
#include "plancalc/catalog/discount.hpp"
#include "plancalc/money/money.hpp"
#include "plancalc/catalog/policy.hpp"
#include "plancalc/money/rounding.hpp"
#include "plancalc/catalog/tax.hpp"
#include "plancalc/catalog/allowance.hpp"
#include "plancalc/catalog/sla_terms.hpp"

namespace plancalc {

struct Vendor {
  std::string id;
  std::string name;
  Names names;
  std::string source;
  bool illustrative = false;
  std::string note;
  Names notes;  // the note's translations, like names
};

struct DatedAmount {
  Date from;
  Money amount;
};

struct Product {
  std::string id;
  std::string name;
  Names names;
  std::vector<DatedAmount> prices;  // ascending by from
  std::optional<int> included_support_months;  // support bundled with a purchase
};

struct Feature {
  std::string id;
  std::string name;
  Names names;
};

struct Tier {
  std::string id;
  std::string name;
  Names names;
  int rank = 0;
  std::vector<Feature> features;
  std::optional<TierSla> sla;  // response and uptime targets (sla_terms.hpp)
};

// on_request: the vendor prices it individually ("custom price"); the engine
// says so instead of inventing a figure (error price_on_request).
enum class PriceModel { flat, per_unit, graduated, volume, package, list_rate, on_request };
const char* to_string(PriceModel model);

struct Band {
  std::optional<std::int64_t> up_to;  // inclusive; none = no upper bound
  Money unit_amount = Money::zero();
  Money flat_amount = Money::zero();
};

struct Price {
  PriceModel model = PriceModel::flat;
  Money amount = Money::zero();          // flat
  Money unit_amount = Money::zero();     // per_unit
  std::vector<Band> bands;               // graduated, volume
  std::int64_t package_size = 1;         // package
  Money package_amount = Money::zero();  // package
  int product = -1;                      // list_rate: index into Catalog::products
  Rate rate = Rate::from_micro_percent(0);  // list_rate
};

struct DatedPrice {
  std::optional<Date> from;  // none = always in force
  Price price;
};

struct Plan {
  std::string id;
  std::string name;
  Names names;
  int tier = -1;  // index into Catalog::tiers
  int billing_months = 1;
  std::string unit = "unit";
  std::int64_t min_quantity = 1;
  std::int64_t max_quantity = 1'000'000'000;
  std::vector<DatedPrice> prices;  // ascending by from
  std::optional<Legacy> legacy;
  Policies policies;  // the catalog's, with this plan's overrides applied
  std::vector<Allowance> allowances;  // metered per month
  bool trial = false;  // a trial: one period only, never renewed; compared only when asked for
};

// A worked case the vendor published: a request and the figures expected.
struct Example {
  std::string name;
  std::string op;
  std::string request_json;  // kept as text; run through the api like any request
  // JSON Pointer into the result -> value the engine must produce
  std::vector<std::pair<std::string, std::string>> expect;
  // JSON Pointer -> the figure the vendor published; a difference from the
  // computed value is reported as a warning, not a failure
  std::vector<std::pair<std::string, std::string>> published;
};

// A catalog text (a name, label or note) without its translation into one of
// the catalog's declared locales; `plancalc check` warns about each.
struct MissingTranslation {
  std::string pointer;  // where the translation belongs: /plans/0/names/es
  std::string text;     // the English text's pointer: /plans/0/name
  std::string locale;
};

// What a seller may agree without approval (issue 18, op proposal): a
// negotiated discount up to max_discount_percent. Without a sales block any
// negotiated discount needs approval.
struct Sales {
  Rate max_discount_percent = Rate::from_micro_percent(0);
  bool illustrative = false;  // a sample figure, not the vendor's (as Vendor::illustrative)
  std::string note;
};

struct Catalog {
  Vendor vendor;
  const Currency* currency = nullptr;
  Rounding rounding{RoundingMode::half_up, 1};
  std::vector<Product> products;
  std::vector<Tier> tiers;
  std::vector<Plan> plans;
  std::vector<Example> examples;
  std::vector<BusinessCalendar> calendars;  // for SLA targets, in catalog order
  Policies policies;  // catalog-wide defaults
  std::vector<HourlyService> services;  // work outside the plans' scope, billed by the hour
  std::vector<Discount> discounts;      // in declared order
  Stacking stacking = Stacking::sequential;
  std::optional<Tax> tax;
  std::optional<Sales> sales;
  std::string fingerprint;
  std::vector<std::string> locales;  // declared translation locales, in order
  std::vector<MissingTranslation> missing_translations;  // in catalog order

  const Plan* find_plan(const std::string& id) const;
  const Tier* find_tier(const std::string& id) const;
  const Product* find_product(const std::string& id) const;
  const BusinessCalendar* find_calendar(const std::string& id) const;
};

}  // namespace plancalc
