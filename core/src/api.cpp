// The api unit: request JSON -> engine call -> response JSON. The only code
// that knows both the JSON shapes (docs/api.md) and the engine.
#include "plancalc/api.hpp"

#include <algorithm>
#include <cctype>
#include <new>
#include <optional>
#include <type_traits>

#include "api_common.hpp"
#include "catalog_reader.hpp"
#include "json_input.hpp"
#include "plancalc/catalog.hpp"
#include "plancalc/compare.hpp"
#include "plancalc/contract.hpp"
#include "plancalc/error.hpp"
#include "plancalc/quote.hpp"
#include "response_text.hpp"
#include "response_writer.hpp"
#include "sla_api.hpp"

namespace plancalc::api_detail {

ojson with_header(const Catalog& catalog, std::optional<Date> as_of, ojson body) {
  ojson result = {{"catalog", response::catalog_ref(catalog)},
                  {"conventions", response::conventions(catalog, as_of)}};
  for (auto& [key, value] : body.items()) result[key] = std::move(value);
  return result;
}

const Plan& plan_at(const Catalog& catalog, const json_input::Object& r, const char* key) {
  std::string id = json_input::as_string(r.at(key), r.path(key), 200);
  const Plan* plan = catalog.find_plan(id);
  if (!plan) {
    fail("unknown_plan", "no plan " + excerpt(id) + " in catalog " + excerpt(catalog.vendor.id), r.path(key));
  }
  return *plan;
}

const Product& product_at(const Catalog& catalog, const json_input::Object& r, const char* key) {
  std::string id = json_input::as_string(r.at(key), r.path(key), 200);
  const Product* product = catalog.find_product(id);
  if (!product) {
    fail("unknown_product", "no product " + excerpt(id) + " in catalog " + excerpt(catalog.vendor.id), r.path(key));
  }
  return *product;
}

}  // namespace plancalc::api_detail

namespace plancalc::api {
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

json parse_request(std::string_view text) {
  json doc = parse(text, kMaxRequestBytes);
  if (!doc.is_object()) {
    fail("invalid_request", std::string("a request is a JSON object, got ") + type_name(doc));
  }
  return doc;
}

Common read_common(const Object& r) {
  Common c;
  if (r.has("quantity")) {
    c.quantity = as_integer(r.at("quantity"), r.path("quantity"), 1, kMaxQuantity,
                            "invalid_quantity", "number_too_large");
  }
  c.start = as_date(r.at("start"), r.path("start"));
  if (r.has("horizon_months")) {
    c.horizon_months = static_cast<int>(
        as_integer(r.at("horizon_months"), r.path("horizon_months"), 1, kMaxHorizonMonths));
  }
  c.as_of = r.has("as_of") ? as_date(r.at("as_of"), r.path("as_of")) : c.start;
  return c;
}

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
      p.usage.emplace_back(item.key(), as_integer(item.value(), u.path(item.key()), 0, kMaxQuantity, "out_of_range",
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
    std::string code = as_string(r.at("coupon"), r.path("coupon"), 64);
    if (!coupon_known(catalog, code)) {
      fail("unknown_coupon", "no discount in catalog " + excerpt(catalog.vendor.id) + " has the coupon " + excerpt(code),
           r.path("coupon"));
    }
    p.customer.coupon = code;
  }
  return p;
}

const Plan& read_plan_choice(const Catalog& catalog, const Object& r) {
  if (r.has("plan")) return plan_at(catalog, r, "plan");
  if (!r.has("tier")) fail("missing_field", "name a 'plan', or a 'tier' and 'billing_months'", "/plan");
  std::string tier = as_string(r.at("tier"), r.path("tier"), 200);
  const Tier* t = catalog.find_tier(tier);
  if (!t) {
    fail("unknown_tier", "no tier " + excerpt(tier) + " in catalog " + excerpt(catalog.vendor.id),
         r.path("tier"));
  }
  auto months = as_integer(r.at("billing_months"), r.path("billing_months"), 1, 120);
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

QuoteRun compute_quote(const Catalog& catalog, const json& doc) {
  Object r(doc, "");
  r.allow_only({"op", "plan", "tier", "billing_months", "quantity", "start", "horizon_months", "as_of", "usage",
                "context", "coupon"});
  const Plan& plan = read_plan_choice(catalog, r);
  Common c = read_common(r);
  Purchase purchase = read_purchase(catalog, r);
  check_sold(plan, c.as_of, r.has("plan") ? "/plan" : "/tier");
  Quote q = quote(catalog, {&plan, c.quantity, c.start, c.horizon_months, std::move(purchase)});
  return {c, std::move(q)};
}

ojson run_quote(const Catalog& catalog, const json& doc) {
  QuoteRun run = compute_quote(catalog, doc);
  return with_header(catalog, run.c.as_of, response::quote(catalog, run.q, run.c.horizon_months, run.c.start));
}

// quote's whole response, written as text directly (response_text.hpp): the
// same bytes as response::ok(run_quote(...)).dump() for much less work.
std::string quote_text(const Catalog& catalog, const response_text::CatalogParts* parts, const json& doc) {
  QuoteRun run = compute_quote(catalog, doc);
  try {
    return response_text::quote_response(catalog, run.q, run.c.horizon_months, run.c.start, run.c.as_of, parts);
  } catch (const response_text::NotUtf8&) {
    return response::ok(with_header(catalog, run.c.as_of,
                                    response::quote(catalog, run.q, run.c.horizon_months, run.c.start)))
        .dump();
  }
}

// Reads an optional filter list of ids or integers.
template <typename T, typename Read>
std::vector<T> read_filter(const Object& r, const char* key, Read read) {
  std::vector<T> out;
  if (!r.has(key)) return out;
  const json& items = as_array(r.at(key), r.path(key), 1000);
  for (std::size_t i = 0; i < items.size(); ++i) out.push_back(read(items[i], child(r.path(key), i)));
  return out;
}

struct CompareRun {
  Common c;
  Comparison cmp;
};

CompareRun compute_compare(const Catalog& catalog, const json& doc) {
  Object r(doc, "");
  r.allow_only({"op", "quantity", "start", "horizon_months", "as_of", "tiers", "billing_months", "plans", "usage",
                "context", "coupon"});
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
    if (!p) fail("unknown_plan", "no plan " + excerpt(id) + " in catalog " + excerpt(catalog.vendor.id), path);
    return p;
  });
  auto contains = [](const auto& list, const auto& item) {
    return list.empty() || std::find(list.begin(), list.end(), item) != list.end();
  };
  CompareRequest request{{}, c.quantity, c.start, c.horizon_months, read_purchase(catalog, r)};
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

ojson run_compare(const Catalog& catalog, const json& doc) {
  CompareRun run = compute_compare(catalog, doc);
  const Common& c = run.c;
  return with_header(catalog, c.as_of,
                     response::comparison(catalog, run.cmp, c.quantity, c.horizon_months, c.start));
}

// compare's whole response as text (response_text.hpp), the catalog's tiers
// and features written once per engine: the bytes of response::ok(run_compare(...)).dump().
std::string compare_text(const Catalog& catalog, const response_text::CatalogParts& parts, const json& doc) {
  CompareRun run = compute_compare(catalog, doc);
  const Common& c = run.c;
  try {
    return response_text::comparison_response(catalog, parts, run.cmp, c.quantity, c.horizon_months, c.start, c.as_of);
  } catch (const response_text::NotUtf8&) {
    return response::ok(with_header(catalog, c.as_of,
                                    response::comparison(catalog, run.cmp, c.quantity, c.horizon_months, c.start)))
        .dump();
  }
}

ojson run_describe(const Catalog& catalog, const json& doc) {
  Object r(doc, "");
  r.allow_only({"op", "as_of"});
  std::optional<Date> as_of;
  if (r.has("as_of")) as_of = as_date(r.at("as_of"), r.path("as_of"));
  return with_header(catalog, as_of, response::describe(catalog));
}

ojson run(const Catalog& catalog, const std::string& op, const json& doc);

// The figure at a JSON Pointer of a result as text ("450.00", 3, true), or
// none when the result has no such value.
std::optional<std::string> figure_at(const ojson& result, const std::string& pointer) {
  try {
    const ojson& v = result.at(ojson::json_pointer(pointer));
    return v.is_string() ? v.get<std::string>() : v.dump();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

ojson run_check(const Catalog& catalog, const json& doc) {
  Object r(doc, "");
  r.allow_only({"op"});
  ojson examples = ojson::array();
  ojson warnings = ojson::array();
  bool all_passed = true;
  for (const Example& e : catalog.examples) {
    ojson item = {{"name", e.name}, {"op", e.op}};
    ojson mismatches = ojson::array();
    bool passed = true;
    try {
      ojson result = run(catalog, e.op, parse_request(e.request_json));
      for (const auto& [pointer, expected] : e.expect) {
        std::optional<std::string> actual = figure_at(result, pointer);
        if (actual != expected) {
          passed = false;
          mismatches.push_back({{"pointer", pointer}, {"expected", expected}, {"actual", actual ? ojson(*actual) : ojson()}});
        }
      }
      // A vendor's published figure that the rules do not give is reported,
      // not hidden: the catalog keeps the stated rule.
      for (const auto& [pointer, published] : e.published) {
        std::optional<std::string> actual = figure_at(result, pointer);
        if (actual != published) {
          ojson warning = {{"key", "check.published_differs"},
                           {"args",
                            {{"example", e.name},
                             {"pointer", pointer},
                             {"published", published},
                             {"computed", actual ? ojson(*actual) : ojson("")}}}};
          // How the engine got its figure, when the result says.
          if (result.contains("line")) warning["because"] = result["line"]["explanation"];
          warnings.push_back(std::move(warning));
        }
      }
    } catch (const Error& err) {
      passed = false;
      item["error"] = {{"code", err.code()}, {"message", err.message()}, {"path", err.path()}};
    }
    item["passed"] = passed;
    item["mismatches"] = mismatches;
    all_passed = all_passed && passed;
    examples.push_back(std::move(item));
  }
  return {{"catalog", response::catalog_ref(catalog)},
          {"examples", examples},
          {"warnings", warnings},
          {"passed", all_passed}};
}

[[noreturn]] void unknown_op(const std::string& op, std::string path) {
  fail("unknown_op",
       "unknown operation " + excerpt(op) +
           "; expected quote, compare, renew, change, cancel, add_licenses, sla, describe or check",
       std::move(path));
}

bool is_op(const std::string& op) {
  for (const char* known : {"quote", "compare", "describe", "check", "renew", "change", "cancel", "add_licenses", "sla"}) {
    if (op == known) return true;
  }
  return false;
}

ojson run(const Catalog& catalog, const std::string& op, const json& doc) {
  if (op == "quote") return run_quote(catalog, doc);
  if (op == "compare") return run_compare(catalog, doc);
  if (op == "describe") return run_describe(catalog, doc);
  if (op == "check") return run_check(catalog, doc);
  if (op == "renew") return run_renew(catalog, doc);
  if (op == "change") return run_change(catalog, doc);
  if (op == "cancel") return run_cancel(catalog, doc);
  if (op == "add_licenses") return run_add_licenses(catalog, doc);
  if (op == "sla") return run_sla(catalog, doc);
  unknown_op(op, "");
}

// An operation's whole response text (ok): direct text for quote and compare
// (compare when the catalog's parts are written), the tree writers for the others.
std::string answer(const Catalog& catalog, const response_text::CatalogParts* parts, const std::string& op,
                   const json& doc) {
  if (op == "quote") return quote_text(catalog, parts, doc);
  if (op == "compare" && parts) return compare_text(catalog, *parts, doc);
  return response::ok(run(catalog, op, doc)).dump();
}

// body() gives the result (ojson) or the whole response text.
template <typename Body>
std::string respond(Body body) {
  try {
    if constexpr (std::is_same_v<decltype(body()), std::string>) {
      return body();
    } else {
      return response::ok(body()).dump();
    }
  } catch (const DetailedError& e) {
    ojson r = response::error(e);
    r["error"]["details"] = e.details();
    return r.dump();
  } catch (const Error& e) {
    return response::error(e).dump();
  } catch (const std::bad_alloc&) {
    return response::error(Error("out_of_memory", "the input needs more memory than is available", "", Source::request)).dump();
  } catch (const std::exception& e) {
    return response::error(Error("internal_error", std::string("internal error: ") + e.what(), "", Source::request)).dump();
  }
}

}  // namespace

Engine::Engine(const std::string& catalog_json) {
  status_ = respond([&]() -> ojson {
    catalog_ = std::make_unique<const Catalog>(read_catalog(catalog_json));
    return {{"catalog", response::catalog_ref(*catalog_)}};
  });
  if (catalog_) {
    try {
      parts_ = std::make_unique<const response_text::CatalogParts>(response_text::catalog_parts(*catalog_));
    } catch (const std::exception&) {
      // compare then answers through the tree writer, which reports the same failure.
    }
  }
}

Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

bool Engine::ok() const { return catalog_ != nullptr; }

const std::string& Engine::status() const { return status_; }

std::string Engine::call(const std::string& op, const std::string& request_json) const {
  if (!catalog_) return status_;
  return respond([&]() { return answer(*catalog_, parts_.get(), op, parse_request(request_json)); });
}

std::string Engine::dispatch(std::string_view request_json) const {
  if (!catalog_) return status_;
  return respond([&]() {
    json doc = parse_request(request_json);
    Object r(doc, "");
    std::string op = as_string(r.at("op"), r.path("op"), 200);
    if (!is_op(op)) unknown_op(op, r.path("op"));
    return answer(*catalog_, parts_.get(), op, doc);
  });
}

}  // namespace plancalc::api
