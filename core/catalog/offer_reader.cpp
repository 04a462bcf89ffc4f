#include "offer_reader.hpp"

#include <set>

#include "catalog_reader.hpp"
#include "plancalc/error/error.hpp"

namespace plancalc {
namespace {

using namespace json_input;

constexpr std::int64_t kMaxUnits = 1'000'000'000;

std::optional<Overage> read_overage(const Object& a, const Currency& currency) {
  const json& v = a.at("overage");
  if (v.is_null()) return std::nullopt;
  Object o(v, a.path("overage"));
  std::string model = as_string(o.at("model"), o.path("model"), 64);
  Overage out;
  if (model == "per_unit") {
    o.allow_only({"model", "unit_amount", "current_month_only"});
    out.unit_amount = as_amount(o.at("unit_amount"), currency, o.path("unit_amount"));
  } else if (model == "package") {
    o.allow_only({"model", "package_size", "package_amount", "current_month_only"});
    out.model = Overage::Model::package;
    out.package_size = as_integer(o.at("package_size"), o.path("package_size"), 1, kMaxUnits);
    out.package_amount = as_amount(o.at("package_amount"), currency, o.path("package_amount"));
  } else {
    fail("invalid_value", "overage model is per_unit or package; got " + excerpt(model), o.path("model"));
  }
  if (o.has("current_month_only")) out.current_month_only = as_bool(o.at("current_month_only"), o.path("current_month_only"));
  return out;
}

}  // namespace

std::vector<Allowance> read_allowances(const Object& plan, const Currency& currency) {
  std::vector<Allowance> out;
  if (!plan.has("allowances")) return out;
  const json& items = as_array(plan.at("allowances"), plan.path("allowances"), 20);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Object a(items[i], child(plan.path("allowances"), i));
    a.allow_only({"id", "name", "names", "unit", "included", "per_quantity", "rollover", "overage"});
    Allowance x;
    x.id = as_id(a.at("id"), a.path("id"));
    if (!ids.insert(x.id).second) fail("duplicate_id", "two allowances have the id " + excerpt(x.id), a.path("id"));
    x.name = as_string(a.at("name"), a.path("name"));
    x.names = read_names(a);
    x.unit = as_id(a.at("unit"), a.path("unit"));
    x.included = as_integer(a.at("included"), a.path("included"), 0, kMaxUnits);
    if (a.has("per_quantity")) x.per_quantity = as_bool(a.at("per_quantity"), a.path("per_quantity"));
    if (a.has("rollover")) x.rollover = as_bool(a.at("rollover"), a.path("rollover"));
    x.overage = read_overage(a, currency);
    out.push_back(std::move(x));
  }
  return out;
}

std::vector<HourlyService> read_services(const Object& root, const Currency& currency) {
  std::vector<HourlyService> out;
  if (!root.has("services")) return out;
  const json& items = as_array(root.at("services"), root.path("services"), 50);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Object s(items[i], child(root.path("services"), i));
    s.allow_only({"id", "name", "names", "rate_per_hour", "increment_minutes", "minimum_minutes"});
    HourlyService x;
    x.id = as_id(s.at("id"), s.path("id"));
    if (!ids.insert(x.id).second) fail("duplicate_id", "two services have the id " + excerpt(x.id), s.path("id"));
    x.name = as_string(s.at("name"), s.path("name"));
    x.names = read_names(s);
    x.rate_per_hour = as_amount(s.at("rate_per_hour"), currency, s.path("rate_per_hour"));
    if (s.has("increment_minutes")) {
      x.increment_minutes = static_cast<int>(as_integer(s.at("increment_minutes"), s.path("increment_minutes"), 1, 1440));
    }
    if (s.has("minimum_minutes")) {
      x.minimum_minutes = static_cast<int>(as_integer(s.at("minimum_minutes"), s.path("minimum_minutes"), 0, 1440));
    }
    out.push_back(std::move(x));
  }
  return out;
}

std::vector<Discount> read_discounts(const Object& root, const Catalog& catalog) {
  std::vector<Discount> out;
  if (!root.has("discounts")) return out;
  const json& items = as_array(root.at("discounts"), root.path("discounts"), 100);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Object d(items[i], child(root.path("discounts"), i));
    d.allow_only({"id", "name", "names", "percent", "amount", "includes_usage", "conditions"});
    Discount x;
    x.id = as_id(d.at("id"), d.path("id"));
    if (!ids.insert(x.id).second) fail("duplicate_id", "two discounts have the id " + excerpt(x.id), d.path("id"));
    x.name = as_string(d.at("name"), d.path("name"));
    x.names = read_names(d);
    if (d.has("percent") && d.has("amount")) {
      fail("conflicting_fields", "a discount has 'percent' or 'amount', not both", d.path("amount"));
    }
    if (!d.has("percent") && !d.has("amount")) {
      fail("missing_field", "a discount has exactly one of 'percent' or 'amount'", d.path("percent"));
    }
    if (d.has("percent")) {
      x.rate = as_rate(d.at("percent"), d.path("percent"));
      if (x.rate.micro_percent() > 100 * Rate::kScale) {
        fail("invalid_rate", "a discount is at most 100 %", d.path("percent"));
      }
    } else {
      x.kind = Discount::Kind::fixed;
      x.amount = as_amount(d.at("amount"), *catalog.currency, d.path("amount"));
    }
    if (d.has("includes_usage")) x.includes_usage = as_bool(d.at("includes_usage"), d.path("includes_usage"));
    if (d.has("conditions")) {
      Object c(d.at("conditions"), d.path("conditions"));
      c.allow_only({"context", "billing_months", "plans", "min_quantity", "valid_from", "valid_until", "coupon"});
      if (c.has("context")) {
        Object ctx(c.at("context"), c.path("context"));
        for (const auto& item : ctx.value().items()) {
          as_id(json(item.key()), ctx.path(item.key()));
          x.context.emplace_back(item.key(), as_string(item.value(), ctx.path(item.key()), 64));
        }
      }
      if (c.has("billing_months")) {
        const json& months = as_array(c.at("billing_months"), c.path("billing_months"), 20);
        for (std::size_t k = 0; k < months.size(); ++k) {
          x.billing_months.push_back(static_cast<int>(as_integer(months[k], child(c.path("billing_months"), k), 1, 120)));
        }
      }
      if (c.has("plans")) {
        const json& plans = as_array(c.at("plans"), c.path("plans"), 1000);
        for (std::size_t k = 0; k < plans.size(); ++k) {
          std::string id = as_id(plans[k], child(c.path("plans"), k));
          const Plan* p = catalog.find_plan(id);
          if (!p) fail("unknown_plan", "no plan " + excerpt(id) + " in this catalog", child(c.path("plans"), k));
          x.plans.push_back(static_cast<int>(p - catalog.plans.data()));
        }
      }
      if (c.has("min_quantity")) x.min_quantity = as_integer(c.at("min_quantity"), c.path("min_quantity"), 1, kMaxUnits);
      if (c.has("valid_from")) x.valid_from = as_date(c.at("valid_from"), c.path("valid_from"));
      if (c.has("valid_until")) x.valid_until = as_date(c.at("valid_until"), c.path("valid_until"));
      if (c.has("coupon")) x.coupon = as_string(c.at("coupon"), c.path("coupon"), 64);
    }
    out.push_back(std::move(x));
  }
  return out;
}

Stacking read_stacking(const Object& root) {
  if (!root.has("discount_stacking")) return Stacking::sequential;
  std::string s = as_string(root.at("discount_stacking"), root.path("discount_stacking"), 64);
  if (s == "sequential") return Stacking::sequential;
  if (s == "exclusive") return Stacking::exclusive;
  fail("invalid_value", "discount_stacking is sequential or exclusive; got " + excerpt(s), root.path("discount_stacking"));
}

std::optional<Tax> read_tax(const Object& root) {
  if (!root.has("tax")) return std::nullopt;
  Object t(root.at("tax"), root.path("tax"));
  t.allow_only({"label", "names", "rate", "inclusive"});
  Tax tax;
  tax.label = as_string(t.at("label"), t.path("label"), 64);
  tax.names = read_names(t);
  tax.rate = as_rate(t.at("rate"), t.path("rate"));
  if (tax.rate.micro_percent() > 100 * Rate::kScale) fail("invalid_rate", "a tax rate is at most 100 %", t.path("rate"));
  tax.inclusive = as_bool(t.at("inclusive"), t.path("inclusive"));
  return tax;
}

}  // namespace plancalc
