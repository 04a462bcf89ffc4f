// The api unit: request JSON -> engine call -> response text. The only code
// that knows both the JSON shapes (docs/api.md) and the engine.
#include "plancalc/api/api.hpp"

#include <algorithm>
#include <cctype>
#include <new>
#include <optional>
#include <string_view>

#include "api_common.hpp"
#include "plancalc/catalog/read_catalog.hpp"
#include "plancalc/json/json_input.hpp"
#include "plancalc/catalog/catalog.hpp"
#include "plancalc/pricing/compare.hpp"
#include "plancalc/contract/contract.hpp"
#include "plancalc/error/error.hpp"
#include "plancalc/pricing/quote.hpp"
#include "response_parts.hpp"
#include "pricing_response.hpp"
#include "sla_api.hpp"

namespace plancalc::api_detail {

// unknown_plan's args: the id asked for (cut like excerpt()), the catalog and
// the plan ids it does have, in catalog order.
ErrorArgs unknown_plan_args(const Catalog& catalog, const std::string& id) {
  std::vector<std::string> valid;
  valid.reserve(catalog.plans.size());
  for (const Plan& p : catalog.plans) valid.push_back(p.id);
  std::string asked = excerpt(id);
  asked = asked.substr(1, asked.size() - 2);
  return {arg("plan", asked), arg("catalog", catalog.vendor.id), arg("valid", std::move(valid))};
}

const Plan& plan_at(const Catalog& catalog, const json_input::Object& r, const char* key) {
  std::string id = json_input::as_string(r.at(key), r.where(key), 200);
  const Plan* plan = catalog.find_plan(id);
  if (!plan) {
    fail("unknown_plan", "no plan " + excerpt(id) + " in catalog " + excerpt(catalog.vendor.id), r.path(key),
         unknown_plan_args(catalog, id));
  }
  return *plan;
}

const Product& product_at(const Catalog& catalog, const json_input::Object& r, const char* key) {
  std::string id = json_input::as_string(r.at(key), r.where(key), 200);
  const Product* product = catalog.find_product(id);
  if (!product) {
    fail("unknown_product", "no product " + excerpt(id) + " in catalog " + excerpt(catalog.vendor.id), r.path(key));
  }
  return *product;
}

using namespace json_input;

namespace {
constexpr std::int64_t kMaxPurchaseQuantity = 1'000'000'000;

bool usage_key_known(const Catalog& catalog, const std::string& key) {
  for (const Plan& p : catalog.plans) {
    if (find_allowance(p, key)) return true;
  }
  for (const HourlyService& s : catalog.services) {
    if (s.id == key) return true;
  }
  return false;
}

bool coupon_known(const Catalog& catalog, const std::string& code) {
  for (const Discount& d : catalog.discounts) {
    if (d.coupon && d.coupon->size() == code.size() &&
        std::equal(code.begin(), code.end(), d.coupon->begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return true;
    }
  }
  return false;
}

}  // namespace

// usage (per month), context and coupon: what the customer expects and is.
Purchase read_purchase(const Catalog& catalog, const Object& r) {
  Purchase p;
  if (r.has("usage")) {
    Object u(r.at("usage"), r.path("usage"));
    for (const auto& item : u.value().items()) {
      if (!usage_key_known(catalog, item.key())) {
        fail("unknown_usage", "nothing in catalog " + excerpt(catalog.vendor.id) + " meters " + excerpt(item.key()),
             u.path(item.key()));
      }
      p.usage.emplace_back(item.key(), as_integer(item.value(), u.path(item.key()), 0, kMaxPurchaseQuantity, "out_of_range",
                                                  "number_too_large"));
    }
  }
  if (r.has("context")) {
    Object c(r.at("context"), r.path("context"));
    if (c.value().size() > 20) fail("too_many_items", "at most 20 context values", r.path("context"));
    for (const auto& item : c.value().items()) {
      as_id(json(item.key()), c.path(item.key()));
      p.customer.values.emplace_back(item.key(), as_string(item.value(), c.path(item.key()), 64));
    }
  }
  if (r.has("coupon")) {
    std::string code = as_string(r.at("coupon"), r.where("coupon"), 64);
    if (!coupon_known(catalog, code)) {
      fail("unknown_coupon", "no discount in catalog " + excerpt(catalog.vendor.id) + " has the coupon " + excerpt(code),
           r.path("coupon"));
    }
    p.customer.coupon = code;
  }
  return p;
}

}  // namespace plancalc::api_detail

namespace plancalc::api {

static_assert(kMaxCatalogBytes == plancalc::kMaxCatalogBytes, "one catalog limit");

namespace {

using namespace json_input;
using namespace api_detail;

constexpr std::int64_t kMaxQuantity = 1'000'000'000;
constexpr int kMaxHorizonMonths = 600;

struct Common {
  std::int64_t quantity = 1;
  Date start = Date::from_days(0);
  int horizon_months = 36;
  Date as_of = Date::from_days(0);
};

Request parse_request(std::string_view text) { return json_input::parse_request(text, kMaxRequestBytes); }

Common read_common(const Object& r) {
  Common c;
  if (const json* quantity = r.find("quantity")) {
    c.quantity = as_integer(*quantity, r.where("quantity"), 1, kMaxQuantity, "invalid_quantity", "number_too_large");
  }
  c.start = as_date(r.at("start"), r.where("start"));
  if (const json* horizon = r.find("horizon_months")) {
    c.horizon_months = static_cast<int>(as_integer(*horizon, r.where("horizon_months"), 1, kMaxHorizonMonths));
  }
  const json* as_of = r.find("as_of");
  c.as_of = as_of ? as_date(*as_of, r.where("as_of")) : c.start;
  return c;
}

const Plan& read_plan_choice(const Catalog& catalog, const Object& r) {
  if (r.has("plan")) return plan_at(catalog, r, "plan");
  if (!r.has("tier")) fail("missing_field", "name a 'plan', or a 'tier' and 'billing_months'", "/plan");
  std::string tier = as_string(r.at("tier"), r.where("tier"), 200);
  const Tier* t = catalog.find_tier(tier);
  if (!t) {
    fail("unknown_tier", "no tier " + excerpt(tier) + " in catalog " + excerpt(catalog.vendor.id),
         r.path("tier"));
  }
  auto months = as_integer(r.at("billing_months"), r.where("billing_months"), 1, 120);
  for (const Plan& p : catalog.plans) {
    if (&catalog.tiers[static_cast<std::size_t>(p.tier)] == t && p.billing_months == months) return p;
  }
  fail("unknown_plan",
       "tier " + excerpt(tier) + " has no plan billed every " + std::to_string(months) + " months",
       r.path("billing_months"));
}

struct QuoteRun {
  Common c;
  Quote q;
};

QuoteRun compute_quote(const Catalog& catalog, const Request& doc) {
  Object r(doc);
  r.allow_only({"op", "plan", "tier", "billing_months", "quantity", "start", "horizon_months", "as_of", "usage",
                "context", "coupon"});
  const Plan& plan = read_plan_choice(catalog, r);
  Common c = read_common(r);
  Purchase purchase = read_purchase(catalog, r);
  check_sold(plan, c.as_of, r.has("plan") ? "/plan" : "/tier");
  Quote q = quote(catalog, {&plan, c.quantity, c.start, c.horizon_months, std::move(purchase)});
  return {c, std::move(q)};
}

void run_quote(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& doc) {
  QuoteRun run = compute_quote(catalog, doc);
  response_parts::begin_result(w, catalog, parts, run.c.as_of);
  response::quote(w, catalog, parts, run.q, run.c.horizon_months, run.c.start);
  response_parts::end_result(w);
}

// Reads an optional filter list of ids or integers.
template <typename T, typename Read>
std::vector<T> read_filter(const Object& r, const char* key, Read read) {
  std::vector<T> out;
  if (!r.has(key)) return out;
  const json& items = as_array(r.at(key), r.where(key), 1000);
  for (std::size_t i = 0; i < items.size(); ++i) out.push_back(read(items[i], child(r.path(key), i)));
  return out;
}

// The args of an unknown id in compare's needs: the id (cut like excerpt()),
// the catalog, and the ids it does have (as unknown_plan's).
ErrorArgs unknown_id_args(const char* name, const Catalog& catalog, const std::string& id,
                          std::vector<std::string> valid) {
  std::string asked = excerpt(id);
  asked = asked.substr(1, asked.size() - 2);
  return {arg(name, asked), arg("catalog", catalog.vendor.id), arg("valid", std::move(valid))};
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out.empty() ? "none" : out;
}

// compare's optional "needs" (plancalc/pricing/needs.hpp).
Needs read_needs(const Catalog& catalog, const Object& parent) {
  Object r(parent.at("needs"), parent.path("needs"));
  r.allow_only({"features", "response", "uptime_percent"});
  Needs needs;
  const std::vector<std::string> features = feature_ids(catalog);
  needs.features = read_filter<std::string>(r, "features", [&](const json& v, const std::string& path) {
    std::string id = as_string(v, path, 200);
    if (std::find(features.begin(), features.end(), id) == features.end()) {
      fail("unknown_feature",
           "no feature " + excerpt(id) + " in catalog " + excerpt(catalog.vendor.id) + "; its features: " +
               joined(features),
           path, unknown_id_args("feature", catalog, id, features));
    }
    return id;
  });
  const std::vector<std::string> levels = response_levels(catalog);
  needs.response = read_filter<ResponseNeed>(r, "response", [&](const json& v, const std::string& path) {
    Object n(v, path);
    n.allow_only({"level", "within_hours", "within_days"});
    ResponseNeed need;
    need.level = as_string(n.at("level"), n.where("level"), 200);
    if (std::find(levels.begin(), levels.end(), need.level) == levels.end()) {
      fail("unknown_level",
           "no response level " + excerpt(need.level) + " in catalog " + excerpt(catalog.vendor.id) +
               "; its levels: " + joined(levels),
           n.path("level"), unknown_id_args("level", catalog, need.level, levels));
    }
    if (n.has("within_hours") == n.has("within_days")) {
      if (n.has("within_hours")) {
        fail("conflicting_fields", "a response need has 'within_hours' or 'within_days', not both",
             n.path("within_days"));
      }
      fail("missing_field", "a response need has 'within_hours' or 'within_days'", n.path("within_hours"));
    }
    if (n.has("within_hours")) {
      need.hours = as_integer(n.at("within_hours"), n.where("within_hours"), 1, kMaxTargetHours);
    } else {
      need.days = static_cast<int>(as_integer(n.at("within_days"), n.where("within_days"), 1, kMaxTargetDays));
    }
    return need;
  });
  if (r.has("uptime_percent")) {
    Rate rate = as_rate(r.at("uptime_percent"), r.where("uptime_percent"));
    if (rate.micro_percent() > 100 * Rate::kScale) {
      fail("out_of_range", "an uptime is at most 100 %", r.path("uptime_percent"));
    }
    needs.uptime = rate;
  }
  return needs;
}

struct CompareRun {
  Common c;
  Comparison cmp;
};

CompareRun compute_compare(const Catalog& catalog, const Request& doc) {
  Object r(doc);
  r.allow_only({"op", "quantity", "start", "horizon_months", "as_of", "tiers", "billing_months", "plans", "usage",
                "context", "coupon", "needs"});
  Common c = read_common(r);
  auto tiers = read_filter<const Tier*>(r, "tiers", [&](const json& v, const std::string& path) {
    std::string id = as_string(v, path, 200);
    const Tier* t = catalog.find_tier(id);
    if (!t) fail("unknown_tier", "no tier " + excerpt(id) + " in catalog " + excerpt(catalog.vendor.id), path);
    return t;
  });
  auto months = read_filter<std::int64_t>(r, "billing_months", [](const json& v, const std::string& path) {
    return as_integer(v, path, 1, 120);
  });
  auto plans = read_filter<const Plan*>(r, "plans", [&](const json& v, const std::string& path) {
    std::string id = as_string(v, path, 200);
    const Plan* p = catalog.find_plan(id);
    if (!p) {
      fail("unknown_plan", "no plan " + excerpt(id) + " in catalog " + excerpt(catalog.vendor.id), path,
           unknown_plan_args(catalog, id));
    }
    return p;
  });
  auto contains = [](const auto& list, const auto& item) {
    return list.empty() || std::find(list.begin(), list.end(), item) != list.end();
  };
  CompareRequest request{{}, c.quantity, c.start, c.horizon_months, read_purchase(catalog, r), std::nullopt};
  if (r.has("needs")) request.needs = read_needs(catalog, r);
  for (const Plan& p : catalog.plans) {
    if (contains(tiers, &catalog.tiers[static_cast<std::size_t>(p.tier)]) &&
        contains(months, static_cast<std::int64_t>(p.billing_months)) && contains(plans, &p)) {
      // Legacy plans no longer sold are left out, unless asked for by id;
      // so are trials, which are not a way to buy support over a horizon.
      bool sold = !p.legacy || c.as_of < p.legacy->sold_until;
      if (!sold && !plans.empty()) check_sold(p, c.as_of, "/plans");
      if (sold && (!p.trial || !plans.empty())) request.plans.push_back(&p);
    }
  }
  if (request.plans.empty()) {
    fail("no_matching_plan", "no plan matches the tiers, billing periods and plans asked for", "");
  }
  return {c, compare(catalog, request)};
}

// The catalog's tiers and features come from the engine's parts.
void run_compare(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& doc) {
  CompareRun run = compute_compare(catalog, doc);
  const Common& c = run.c;
  response_parts::begin_result(w, catalog, parts, c.as_of);
  response::comparison(w, catalog, parts, run.cmp, c.quantity, c.horizon_months, c.start);
  response_parts::end_result(w);
}

void run_describe(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& doc) {
  Object r(doc);
  r.allow_only({"op", "as_of"});
  std::optional<Date> as_of;
  if (r.has("as_of")) as_of = as_date(r.at("as_of"), r.where("as_of"));
  response_parts::begin_result(w, catalog, parts, as_of);
  response::describe(w, catalog, parts);
  response_parts::end_result(w);
}

void run(Writer& w, const Catalog& catalog, const CatalogParts* parts, std::string_view op, const Request& doc);

// The value at a JSON Pointer of a response read back, or none where there
// is no such value or the pointer is malformed (nlohmann's at() throws).
// ordered_json: a value dumped again has the bytes it was written with.
const nlohmann::ordered_json* value_at(const nlohmann::ordered_json& doc, const std::string& pointer) {
  try {
    return &doc.at(nlohmann::ordered_json::json_pointer(pointer));
  } catch (const nlohmann::ordered_json::exception&) {
    return nullptr;
  }
}

// The figure at a JSON Pointer of a result as check compares it: a string's
// value, any other value as its JSON text ("450.00", 3, true, {...}); none
// when the result has no such value.
std::optional<std::string> figure_at(const nlohmann::ordered_json& result, const std::string& pointer) {
  const nlohmann::ordered_json* v = value_at(result, pointer);
  if (!v) return std::nullopt;
  if (v->is_string()) return v->get<std::string>();
  return v->dump();
}

// Runs one example of the catalog: writes its item into examples and a
// warning per published figure the rules do not give into warnings. True
// when every expected figure came out.
bool check_example(Writer& examples, Writer& warnings, const Catalog& catalog, const CatalogParts* parts,
                   const Example& e) {
  Writer mismatches(256);
  mismatches.begin_array();
  bool passed = true;
  std::optional<Error> error;
  try {
    Writer written(4096);
    run(written, catalog, parts, e.op, parse_request(e.request_json));
    const auto response = nlohmann::ordered_json::parse(written.take());
    const nlohmann::ordered_json& result = response.at("result");
    for (const auto& [pointer, expected] : e.expect) {
      std::optional<std::string> actual = figure_at(result, pointer);
      if (actual != expected) {
        passed = false;
        mismatches.begin_object();
        mismatches.field("pointer", pointer);
        mismatches.field("expected", expected);
        mismatches.key("actual");
        if (actual) {
          mismatches.string(*actual);
        } else {
          mismatches.null();
        }
        mismatches.end_object();
      }
    }
    // A vendor's published figure that the rules do not give is reported,
    // not hidden: the catalog keeps the stated rule.
    for (const auto& [pointer, published] : e.published) {
      std::optional<std::string> actual = figure_at(result, pointer);
      if (actual != published) {
        warnings.begin_object();
        warnings.field("key", "check.published_differs");
        warnings.key("args");
        warnings.begin_object();
        warnings.field("example", e.name);
        warnings.field("pointer", pointer);
        warnings.field("published", published);
        warnings.field("computed", actual ? *actual : std::string());
        warnings.end_object();
        // How the engine got its figure, when the result says.
        if (const auto* because = value_at(result, "/line/explanation")) {
          warnings.key("because");
          warnings.raw(because->dump());
        }
        warnings.end_object();
      }
    }
  } catch (const Error& err) {
    passed = false;
    error = err;
  }
  mismatches.end_array();
  examples.begin_object();
  examples.field("name", e.name);
  examples.field("op", e.op);
  if (error) {
    examples.key("error");
    examples.begin_object();
    examples.field("code", error->code());
    examples.field("message", error->message());
    examples.field("path", error->path());
    examples.end_object();
  }
  examples.field("passed", passed);
  examples.key("mismatches");
  examples.raw(mismatches.text());
  examples.end_object();
  return passed;
}

// {"catalog", "examples", "warnings", "passed"}: no conventions.
void run_check(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& doc) {
  Object r(doc);
  r.allow_only({"op"});
  Writer examples(4096);
  Writer warnings(1024);
  examples.begin_array();
  warnings.begin_array();
  bool all_passed = true;
  for (const Example& e : catalog.examples) {
    all_passed = check_example(examples, warnings, catalog, parts, e) && all_passed;
  }
  // A text without its translation into a declared locale: the page would
  // show it in English inside a translated view.
  for (const MissingTranslation& m : catalog.missing_translations) {
    warnings.begin_object();
    warnings.field("key", "check.missing_translation");
    warnings.field("code", "missing_translation");
    warnings.field("path", m.pointer);
    warnings.key("args");
    warnings.begin_object();
    warnings.field("locale", m.locale);
    warnings.field("pointer", m.pointer);
    warnings.field("text", m.text);
    warnings.end_object();
    warnings.end_object();
  }
  examples.end_array();
  warnings.end_array();
  w.begin_object();
  w.field("ok", true);
  w.key("result");
  w.begin_object();
  w.key("catalog");
  response_parts::catalog_ref(w, catalog);
  w.key("examples");
  w.raw(examples.text());
  w.key("warnings");
  w.raw(warnings.text());
  w.field("passed", all_passed);
  response_parts::end_result(w);
}

[[noreturn]] void unknown_op(std::string_view op, std::string path) {
  fail("unknown_op",
       "unknown operation " + excerpt(std::string(op)) +
           "; expected quote, compare, renew, change, cancel, add_licenses, sla, proposal, describe or check",
       std::move(path));
}

bool is_op(std::string_view op) {
  for (const char* known :
       {"quote", "compare", "describe", "check", "renew", "change", "cancel", "add_licenses", "sla", "proposal"}) {
    if (op == known) return true;
  }
  return false;
}

void run(Writer& w, const Catalog& catalog, const CatalogParts* parts, std::string_view op, const Request& doc) {
  // A request may name its operation in "op" (a batch line sent on its own),
  // but only the one it is sent to.
  if (is_op(op)) {
    if (const json* named = Object(doc).find("op")) {
      std::string name = as_string(*named, Where("/op"), 200);
      if (name != op) {
        fail("invalid_value", "the request names the op " + excerpt(name) + " but was sent to " + std::string(op),
             "/op");
      }
    }
  }
  if (op == "quote") return run_quote(w, catalog, parts, doc);
  if (op == "compare") return run_compare(w, catalog, parts, doc);
  if (op == "describe") return run_describe(w, catalog, parts, doc);
  if (op == "check") return run_check(w, catalog, parts, doc);
  if (op == "renew") return run_renew(w, catalog, parts, doc);
  if (op == "change") return run_change(w, catalog, parts, doc);
  if (op == "cancel") return run_cancel(w, catalog, parts, doc);
  if (op == "add_licenses") return run_add_licenses(w, catalog, parts, doc);
  if (op == "sla") return run_sla(w, catalog, parts, doc);
  if (op == "proposal") return run_proposal(w, catalog, parts, doc);
  unknown_op(op, "");
}

// body(w) writes the whole response into w; on any error, what it wrote is
// dropped and the error response written instead.
template <typename Body>
void respond(Writer& w, Body body) {
  std::size_t start = w.size();
  try {
    body(w);
  } catch (const DetailedError& e) {
    w.rewind(start);
    response_parts::error_response(w, e, e.details());
  } catch (const Error& e) {
    w.rewind(start);
    response_parts::error_response(w, e);
  } catch (const std::bad_alloc&) {
    w.rewind(start);
    response_parts::error_response(
        w, Error("out_of_memory", "the input needs more memory than is available", "", Source::request));
  } catch (const std::exception& e) {
    w.rewind(start);
    response_parts::error_response(
        w, Error("internal_error", std::string("internal error: ") + e.what(), "", Source::request));
  }
}

// The first capacity of a response written on its own.
constexpr std::size_t kResponseCapacity = 4096;

// The request named by its own "op" (one line of `plancalc batch`).
void dispatch_into(Writer& w, const Catalog& catalog, const CatalogParts* parts, std::string_view request_json) {
  Request doc = parse_request(request_json);
  Object r(doc);
  std::string op = as_string(r.at("op"), r.where("op"), 200);
  if (!is_op(op)) unknown_op(op, r.path("op"));
  run(w, catalog, parts, op, doc);
}

}  // namespace

Engine::Engine(const std::string& catalog_json) {
  Writer status(256);
  respond(status, [&](Writer& w) {
    catalog_ = std::make_unique<const Catalog>(read_catalog(catalog_json));
    w.begin_object();
    w.field("ok", true);
    w.key("result");
    w.begin_object();
    w.key("catalog");
    response_parts::catalog_ref(w, *catalog_);
    response_parts::end_result(w);
  });
  status_ = status.take();
  if (catalog_) {
    try {
      parts_ = std::make_unique<const CatalogParts>(response::catalog_parts(*catalog_));
    } catch (const std::exception&) {
      // Every call then writes these parts itself, and answers with the same failure.
    }
  }
}

Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

bool Engine::ok() const { return catalog_ != nullptr; }

const std::string& Engine::status() const { return status_; }

std::string too_large_response(std::size_t limit, Source source) {
  Writer w(256);
  response_parts::error_response(w, Error("input_too_large", json_input::too_large_message(limit), "", source));
  return w.take();
}

std::string Engine::call(std::string_view op, std::string_view request_json) const {
  if (!catalog_) return status_;
  Writer w(kResponseCapacity);
  respond(w, [&](Writer& out) { run(out, *catalog_, parts_.get(), op, parse_request(request_json)); });
  return w.take();
}

void Engine::call(std::string_view op, std::string_view request_json, std::string& out) const {
  out.clear();
  if (!catalog_) {
    out = status_;
    return;
  }
  Writer w(std::move(out));
  respond(w, [&](Writer& out) { run(out, *catalog_, parts_.get(), op, parse_request(request_json)); });
  out = w.take();
}

std::string Engine::dispatch(std::string_view request_json) const {
  if (!catalog_) return status_;
  Writer w(kResponseCapacity);
  respond(w, [&](Writer& out) { dispatch_into(out, *catalog_, parts_.get(), request_json); });
  return w.take();
}

void Engine::dispatch(std::string_view request_json, std::string& out) const {
  if (!catalog_) {
    out += status_;
    return;
  }
  Writer w(std::move(out));
  respond(w, [&](Writer& out) { dispatch_into(out, *catalog_, parts_.get(), request_json); });
  out = w.take();
}

}  // namespace plancalc::api
