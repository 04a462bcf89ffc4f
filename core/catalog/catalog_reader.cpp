#include "catalog_reader.hpp"

#include <cstdio>
#include <set>

#include "plancalc/json/json_input.hpp"
#include "offer_reader.hpp"
#include "policy_reader.hpp"
#include "sla_reader.hpp"
#include "plancalc/error/error.hpp"

namespace plancalc {
namespace {

using namespace json_input;

constexpr std::size_t kMaxItems = 1000;
constexpr std::int64_t kMaxQuantity = 1'000'000'000;


void check_unique(std::set<std::string>& seen, const std::string& id, const std::string& path,
                  const char* what) {
  if (!seen.insert(id).second) {
    fail("duplicate_id", std::string("two ") + what + " have the id " + excerpt(id), path);
  }
}

bool valid_locale(const std::string& locale) {
  bool ok = locale.size() >= 2 && locale.size() <= 16;
  for (char c : locale) ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-');
  return ok;
}

// "locales": the locales the catalog's texts are translated into, each once.
std::vector<std::string> read_locales(const Object& root) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  const json& items = as_array(root.at("locales"), root.path("locales"), 64);
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string path = child(root.path("locales"), i);
    std::string locale = as_string(items[i], path, 16);
    if (!valid_locale(locale)) fail("invalid_locale", "expected a locale such as 'es' or 'sv-SE', got " + excerpt(locale), path);
    if (!seen.insert(locale).second) fail("duplicate_id", "the locale " + excerpt(locale) + " is listed twice", path);
    out.push_back(locale);
  }
  return out;
}

// Every text of v (a `name`, or a `label` where there is no name, with its
// `names`; a `note` with its `notes`) that lacks a translation into one of
// the catalog's locales. English ("en") is the texts themselves.
void find_missing_translations(const json& v, const std::string& path, Catalog& c) {
  if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) find_missing_translations(v[i], child(path, i), c);
    return;
  }
  if (!v.is_object()) return;
  auto require = [&](const char* text_key, const char* map_key) {
    auto text = v.find(text_key);
    if (text == v.end() || !text->is_string()) return;
    auto map = v.find(map_key);
    for (const std::string& locale : c.locales) {
      if (locale == "en") continue;
      bool present = map != v.end() && map->is_object() && map->contains(locale) &&
                     (*map)[locale].is_string() && !(*map)[locale].get_ref<const std::string&>().empty();
      if (!present) {
        c.missing_translations.push_back({child(child(path, map_key), locale), child(path, text_key), locale});
      }
    }
  };
  require(v.contains("name") ? "name" : "label", "names");
  require("note", "notes");
  for (const auto& item : v.items()) {
    if (item.key() == "names" || item.key() == "notes") continue;
    find_missing_translations(item.value(), child(path, item.key()), c);
  }
}

Vendor read_vendor(const Object& o) {
  o.allow_only({"id", "name", "names", "source", "illustrative", "note", "notes"});
  Vendor v;
  v.id = as_id(o.at("id"), o.path("id"));
  v.name = as_string(o.at("name"), o.path("name"));
  v.names = read_names(o);
  if (o.has("source")) v.source = as_string(o.at("source"), o.path("source"));
  if (o.has("illustrative")) v.illustrative = as_bool(o.at("illustrative"), o.path("illustrative"));
  if (o.has("note")) v.note = as_string(o.at("note"), o.path("note"));
  v.notes = read_notes(o);
  return v;
}

Rounding read_rounding(const Object& o, const Currency& currency) {
  o.allow_only({"mode", "increment"});
  Rounding r{RoundingMode::half_up, 1};
  if (o.has("mode")) {
    std::string mode = as_string(o.at("mode"), o.path("mode"));
    if (!parse_rounding_mode(mode, r.mode)) {
      fail("invalid_value", "rounding mode is one of half_up, half_even, up, down; got " + excerpt(mode),
           o.path("mode"));
    }
  }
  if (o.has("increment")) {
    Money inc = as_amount(o.at("increment"), currency, o.path("increment"));
    if (inc.minor() <= 0) {
      fail("invalid_value", "the rounding increment must be greater than zero", o.path("increment"));
    }
    r.increment_minor = inc.minor();
  }
  return r;
}

Product read_product(const Object& o, const Currency& currency) {
  o.allow_only({"id", "name", "names", "prices", "included_support_months"});
  Product p;
  p.id = as_id(o.at("id"), o.path("id"));
  p.name = as_string(o.at("name"), o.path("name"));
  p.names = read_names(o);
  const json& prices = as_array(o.at("prices"), o.path("prices"), kMaxItems);
  if (prices.empty()) fail("missing_field", "a product needs at least one list price", o.path("prices"));
  for (std::size_t i = 0; i < prices.size(); ++i) {
    Object e(prices[i], child(o.path("prices"), i));
    e.allow_only({"from", "amount"});
    DatedAmount d{as_date(e.at("from"), e.path("from")),
                  as_amount(e.at("amount"), currency, e.path("amount"))};
    if (!p.prices.empty() && !(p.prices.back().from < d.from)) {
      fail("unsorted_prices", "list prices must be in strictly ascending 'from' order", e.path("from"));
    }
    p.prices.push_back(d);
  }
  if (o.has("included_support_months")) {
    p.included_support_months = static_cast<int>(
        as_integer(o.at("included_support_months"), o.path("included_support_months"), 0, 120));
  }
  return p;
}

Tier read_tier(const Object& o, const Catalog& catalog) {
  o.allow_only({"id", "name", "names", "rank", "features", "sla"});
  Tier t;
  t.id = as_id(o.at("id"), o.path("id"));
  t.name = as_string(o.at("name"), o.path("name"));
  t.names = read_names(o);
  t.rank = static_cast<int>(as_integer(o.at("rank"), o.path("rank"), 0, 1000));
  if (o.has("features")) {
    const json& features = as_array(o.at("features"), o.path("features"), kMaxItems);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < features.size(); ++i) {
      Object f(features[i], child(o.path("features"), i));
      f.allow_only({"id", "name", "names"});
      Feature feature{as_id(f.at("id"), f.path("id")), as_string(f.at("name"), f.path("name")),
                      read_names(f)};
      check_unique(seen, feature.id, f.path("id"), "features of one tier");
      t.features.push_back(std::move(feature));
    }
  }
  if (o.has("sla")) t.sla = read_tier_sla(Object(o.at("sla"), o.path("sla")), catalog);
  return t;
}

std::vector<Band> read_bands(const Object& o, const Currency& currency) {
  const json& bands = as_array(o.at("bands"), o.path("bands"), kMaxItems);
  if (bands.empty()) fail("invalid_bands", "a banded price needs at least one band", o.path("bands"));
  std::vector<Band> out;
  for (std::size_t i = 0; i < bands.size(); ++i) {
    Object b(bands[i], child(o.path("bands"), i));
    b.allow_only({"up_to", "unit_amount", "flat_amount"});
    Band band;
    const json& up_to = b.at("up_to");
    bool last = i + 1 == bands.size();
    if (up_to.is_null()) {
      if (!last) fail("invalid_bands", "only the last band may have no upper bound (up_to: null)", b.path("up_to"));
    } else {
      if (last) fail("invalid_bands", "the last band must have up_to: null so every quantity has a price", b.path("up_to"));
      band.up_to = as_integer(up_to, b.path("up_to"), 1, kMaxQuantity);
      if (!out.empty() && !(*out.back().up_to < *band.up_to)) {
        fail("invalid_bands", "band bounds (up_to) must be strictly ascending", b.path("up_to"));
      }
    }
    band.unit_amount = as_amount(b.at("unit_amount"), currency, b.path("unit_amount"));
    if (b.has("flat_amount")) band.flat_amount = as_amount(b.at("flat_amount"), currency, b.path("flat_amount"));
    out.push_back(band);
  }
  return out;
}

Price read_price(const Object& o, const Catalog& catalog) {
  const Currency& currency = *catalog.currency;
  std::string model = as_string(o.at("model"), o.path("model"));
  Price p;
  if (model == "flat") {
    o.allow_only({"model", "amount"});
    p.model = PriceModel::flat;
    p.amount = as_amount(o.at("amount"), currency, o.path("amount"));
  } else if (model == "per_unit") {
    o.allow_only({"model", "unit_amount"});
    p.model = PriceModel::per_unit;
    p.unit_amount = as_amount(o.at("unit_amount"), currency, o.path("unit_amount"));
  } else if (model == "graduated" || model == "volume") {
    o.allow_only({"model", "bands"});
    p.model = model == "graduated" ? PriceModel::graduated : PriceModel::volume;
    p.bands = read_bands(o, currency);
  } else if (model == "package") {
    o.allow_only({"model", "package_size", "package_amount"});
    p.model = PriceModel::package;
    p.package_size = as_integer(o.at("package_size"), o.path("package_size"), 1, kMaxQuantity);
    p.package_amount = as_amount(o.at("package_amount"), currency, o.path("package_amount"));
  } else if (model == "on_request") {
    o.allow_only({"model"});
    p.model = PriceModel::on_request;
  } else if (model == "list_rate") {
    o.allow_only({"model", "product", "rate"});
    p.model = PriceModel::list_rate;
    std::string product = as_id(o.at("product"), o.path("product"));
    const Product* found = catalog.find_product(product);
    if (!found) fail("unknown_product", "no product " + excerpt(product) + " in this catalog", o.path("product"));
    p.product = static_cast<int>(found - catalog.products.data());
    p.rate = as_rate(o.at("rate"), o.path("rate"));
  } else {
    fail("invalid_value",
         "price model is one of flat, per_unit, graduated, volume, package, list_rate, on_request; got " + excerpt(model),
         o.path("model"));
  }
  return p;
}

Plan read_plan(const Object& o, const Catalog& catalog) {
  o.allow_only({"id", "name", "names", "tier", "billing_months", "unit", "min_quantity",
                "max_quantity", "price", "prices", "legacy", "policies", "allowances", "trial"});
  Plan p;
  p.id = as_id(o.at("id"), o.path("id"));
  if (o.has("name")) p.name = as_string(o.at("name"), o.path("name"));
  p.names = read_names(o);
  std::string tier = as_id(o.at("tier"), o.path("tier"));
  const Tier* found = catalog.find_tier(tier);
  if (!found) fail("unknown_tier", "no tier " + excerpt(tier) + " in this catalog", o.path("tier"));
  p.tier = static_cast<int>(found - catalog.tiers.data());
  p.billing_months = static_cast<int>(as_integer(o.at("billing_months"), o.path("billing_months"), 1, 120));
  if (o.has("unit")) p.unit = as_id(o.at("unit"), o.path("unit"));
  if (o.has("min_quantity")) p.min_quantity = as_integer(o.at("min_quantity"), o.path("min_quantity"), 1, kMaxQuantity);
  if (o.has("max_quantity")) p.max_quantity = as_integer(o.at("max_quantity"), o.path("max_quantity"), 1, kMaxQuantity);
  if (p.min_quantity > p.max_quantity) {
    fail("invalid_value", "min_quantity is greater than max_quantity", o.path("min_quantity"));
  }
  if (o.has("price") && o.has("prices")) {
    fail("conflicting_fields", "a plan has 'price' or 'prices', not both", o.path("prices"));
  }
  if (!o.has("price") && !o.has("prices")) {
    fail("missing_field", "a plan has exactly one of 'price' or 'prices'", o.path("price"));
  }
  if (o.has("price")) {
    p.prices.push_back({std::nullopt, read_price(Object(o.at("price"), o.path("price")), catalog)});
  } else {
    const json& prices = as_array(o.at("prices"), o.path("prices"), kMaxItems);
    if (prices.empty()) fail("missing_field", "'prices' needs at least one entry", o.path("prices"));
    for (std::size_t i = 0; i < prices.size(); ++i) {
      Object e(prices[i], child(o.path("prices"), i));
      e.allow_only({"from", "price"});
      DatedPrice d{as_date(e.at("from"), e.path("from")),
                   read_price(Object(e.at("price"), e.path("price")), catalog)};
      if (!p.prices.empty() && !(*p.prices.back().from < *d.from)) {
        fail("unsorted_prices", "prices must be in strictly ascending 'from' order", e.path("from"));
      }
      p.prices.push_back(std::move(d));
    }
  }
  if (o.has("legacy")) {
    Object l(o.at("legacy"), o.path("legacy"));
    l.allow_only({"sold_until", "renewable_until"});
    Legacy legacy;
    legacy.sold_until = as_date(l.at("sold_until"), l.path("sold_until"));
    if (l.has("renewable_until")) {
      legacy.renewable_until = as_date(l.at("renewable_until"), l.path("renewable_until"));
      if (*legacy.renewable_until < legacy.sold_until) {
        fail("invalid_value", "a legacy plan stays renewable at least until it stops being sold", l.path("renewable_until"));
      }
    }
    p.legacy = legacy;
  }
  p.allowances = read_allowances(o, *catalog.currency);
  if (o.has("trial")) p.trial = as_bool(o.at("trial"), o.path("trial"));
  p.policies = o.has("policies") ? read_policies(Object(o.at("policies"), o.path("policies")), catalog, catalog.policies)
                                 : catalog.policies;
  return p;
}

// JSON Pointer -> expected value (a string; numbers and booleans as JSON text).
std::vector<std::pair<std::string, std::string>> read_figures(const Object& o) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& item : o.value().items()) {
    if (item.key().empty() || item.key()[0] != '/') {
      fail("invalid_value", "expected figures are keyed by a JSON Pointer into the result, such as \"/first_period/total\"; got " + excerpt(item.key()),
           o.path(item.key()));
    }
    out.emplace_back(item.key(), as_string(item.value(), o.path(item.key())));
  }
  return out;
}

Example read_example(const Object& o) {
  o.allow_only({"name", "op", "request", "expect", "published"});
  Example e;
  e.name = as_string(o.at("name"), o.path("name"));
  e.op = as_string(o.at("op"), o.path("op"));
  static const std::set<std::string> ops = {"quote", "compare", "renew", "change", "cancel", "add_licenses", "sla"};
  if (!ops.count(e.op)) {
    fail("invalid_value", "an example's op is one of quote, compare, renew, change, cancel, add_licenses, sla; got " + excerpt(e.op),
         o.path("op"));
  }
  Object request(o.at("request"), o.path("request"));
  e.request_json = request.value().dump();
  e.expect = read_figures(Object(o.at("expect"), o.path("expect")));
  if (o.has("published")) e.published = read_figures(Object(o.at("published"), o.path("published")));
  return e;
}

std::string fingerprint(const json& canonical) {
  // FNV-1a 64 over the canonical dump (sorted keys, no whitespace).
  return std::string("fnv1a64:") + fnv1a64_hex(canonical.dump());
}

// "sales": {"max_discount_percent", "illustrative", "note"}
Sales read_sales(const Object& o) {
  o.allow_only({"max_discount_percent", "illustrative", "note"});
  Sales s;
  s.max_discount_percent = as_rate(o.at("max_discount_percent"), o.path("max_discount_percent"));
  if (s.max_discount_percent.micro_percent() > 100 * Rate::kScale) {
    fail("invalid_rate", "a discount limit is at most 100 %", o.path("max_discount_percent"));
  }
  if (o.has("illustrative")) s.illustrative = as_bool(o.at("illustrative"), o.path("illustrative"));
  if (o.has("note")) s.note = as_string(o.at("note"), o.path("note"));
  return s;
}

template <typename T, typename Read>
void read_list(const Object& root, const char* key, std::vector<T>& out, const char* what, Read read) {
  const json& items = as_array(root.at(key), root.path(key), kMaxItems);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Object o(items[i], child(root.path(key), i));
    out.push_back(read(o));
    check_unique(seen, out.back().id, o.path("id"), what);
  }
}

Catalog read(std::string_view text) {
  json doc = parse(text, kMaxCatalogBytes);
  Object root(doc, "");
  root.allow_only({"format", "vendor", "locales", "currency", "rounding", "tax", "products", "calendars", "tiers",
                   "policies", "plans", "services", "discounts", "discount_stacking", "sales", "examples"});
  as_integer(root.at("format"), root.path("format"), 1, 1);
  Catalog c;
  if (root.has("locales")) c.locales = read_locales(root);
  c.vendor = read_vendor(Object(root.at("vendor"), root.path("vendor")));
  std::string code = as_string(root.at("currency"), root.path("currency"), 8);
  c.currency = find_currency(code);
  if (!c.currency) fail("unknown_currency", "unknown ISO 4217 currency " + excerpt(code), root.path("currency"));
  c.rounding = {RoundingMode::half_up, 1};
  if (root.has("rounding")) c.rounding = read_rounding(Object(root.at("rounding"), root.path("rounding")), *c.currency);
  if (root.has("products")) {
    read_list(root, "products", c.products, "products", [&](const Object& o) { return read_product(o, *c.currency); });
  }
  if (root.has("calendars")) read_list(root, "calendars", c.calendars, "calendars", read_calendar);
  read_list(root, "tiers", c.tiers, "tiers", [&](const Object& o) { return read_tier(o, c); });
  if (c.tiers.empty()) fail("missing_field", "a catalog needs at least one tier", root.path("tiers"));
  std::set<int> ranks;
  for (std::size_t i = 0; i < c.tiers.size(); ++i) {
    if (!ranks.insert(c.tiers[i].rank).second) {
      fail("duplicate_rank", "two tiers have rank " + std::to_string(c.tiers[i].rank),
           child(child(root.path("tiers"), i), "rank"));
    }
  }
  // Without a renewal policy a renewal costs the full price and continues
  // from the previous end.
  c.policies.renewal.windows.push_back(RenewalWindow{"renewal", "Renewal", {}, std::nullopt,
                                                     Rate::from_micro_percent(100 * Rate::kScale),
                                                     TermAnchor::previous_end});
  if (root.has("policies")) {
    c.policies = read_policies(Object(root.at("policies"), root.path("policies")), c, c.policies);
  }
  read_list(root, "plans", c.plans, "plans", [&](const Object& o) { return read_plan(o, c); });
  c.services = read_services(root, *c.currency);
  c.discounts = read_discounts(root, c);
  c.stacking = read_stacking(root);
  c.tax = read_tax(root);
  if (root.has("sales")) c.sales = read_sales(Object(root.at("sales"), root.path("sales")));
  if (c.plans.empty()) fail("missing_field", "a catalog needs at least one plan", root.path("plans"));
  if (root.has("examples")) {
    const json& items = as_array(root.at("examples"), root.path("examples"), kMaxItems);
    for (std::size_t i = 0; i < items.size(); ++i) {
      c.examples.push_back(read_example(Object(items[i], child(root.path("examples"), i))));
    }
  }
  c.fingerprint = fingerprint(doc);
  if (!c.locales.empty()) {
    // The parts that hold visitor-facing texts, in the order the catalog
    // format lists them (examples are the vendor's tests, not shown).
    for (const char* key : {"vendor", "tax", "products", "calendars", "tiers", "policies", "plans", "services",
                            "discounts"}) {
      if (const json* part = root.find(key)) find_missing_translations(*part, root.path(key), c);
    }
  }
  return c;
}

}  // namespace

Names read_names(const json_input::Object& o, const char* key, std::size_t max_length) {
  Names names;
  const json* v = o.find(key);
  if (!v) return names;
  json_input::Object n(*v, o.path(key));
  for (const auto& item : v->items()) {
    const std::string& locale = item.key();
    if (!valid_locale(locale)) fail("invalid_locale", "expected a locale such as 'es' or 'sv-SE', got " + excerpt(locale), n.path(locale));
    names.emplace_back(locale, json_input::as_string(item.value(), n.path(locale), max_length));
  }
  return names;
}

std::string fnv1a64_hex(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

Catalog read_catalog(std::string_view text) {
  try {
    return read(text);
  } catch (const Error& e) {
    throw Error(e.code(), e.message(), e.path(), Source::catalog);
  }
}

}  // namespace plancalc
