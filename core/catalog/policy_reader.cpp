#include "policy_reader.hpp"

#include <set>

#include "catalog_reader.hpp"
#include "plancalc/error/error.hpp"

namespace plancalc {
namespace {

using namespace json_input;

// Reads one of `choices` (the to_string names of an enum's values).
template <typename Enum>
Enum read_enum(const Object& o, const char* key, std::initializer_list<Enum> choices) {
  std::string name = as_string(o.at(key), o.path(key), 64);
  std::string listed;
  for (Enum e : choices) {
    if (name == to_string(e)) return e;
    listed += (listed.empty() ? "" : ", ") + std::string(to_string(e));
  }
  fail("invalid_value", std::string(key) + " is one of " + listed + "; got " + excerpt(name), o.path(key));
}

bool read_bool(const Object& o, const char* key, bool fallback) {
  return o.has(key) ? as_bool(o.at(key), o.path(key)) : fallback;
}


int tier_index(const Catalog& catalog, const json& v, const std::string& path) {
  std::string id = as_id(v, path);
  const Tier* t = catalog.find_tier(id);
  if (!t) fail("unknown_tier", "no tier " + excerpt(id) + " in this catalog", path);
  return static_cast<int>(t - catalog.tiers.data());
}

RenewalPolicy read_renewal(const Object& o) {
  o.allow_only({"auto_renew", "term_months", "vendor_notice_months", "windows"});
  RenewalPolicy r;
  r.auto_renew = read_bool(o, "auto_renew", false);
  if (o.has("term_months")) r.term_months = static_cast<int>(as_integer(o.at("term_months"), o.path("term_months"), 1, 120));
  if (o.has("vendor_notice_months")) {
    r.vendor_notice_months = static_cast<int>(as_integer(o.at("vendor_notice_months"), o.path("vendor_notice_months"), 0, 24));
  }
  if (!o.has("windows")) {
    r.windows.push_back(RenewalWindow{"renewal", "Renewal", {}, std::nullopt, Rate::from_micro_percent(100 * Rate::kScale), TermAnchor::previous_end});
    return r;
  }
  const json& windows = as_array(o.at("windows"), o.path("windows"), 20);
  if (windows.empty()) fail("missing_field", "a renewal policy needs at least one window", o.path("windows"));
  std::set<std::string> ids;
  for (std::size_t i = 0; i < windows.size(); ++i) {
    Object w(windows[i], child(o.path("windows"), i));
    w.allow_only({"id", "name", "names", "months_after_end", "rate", "anchor"});
    RenewalWindow window;
    window.id = as_id(w.at("id"), w.path("id"));
    if (!ids.insert(window.id).second) fail("duplicate_id", "two renewal windows have the id " + excerpt(window.id), w.path("id"));
    window.name = as_string(w.at("name"), w.path("name"));
    window.names = read_names(w);
    const json& limit = w.at("months_after_end");
    bool last = i + 1 == windows.size();
    if (limit.is_null()) {
      if (!last) fail("invalid_windows", "only the last renewal window may be open-ended (months_after_end: null)", w.path("months_after_end"));
    } else {
      if (last) fail("invalid_windows", "the last renewal window must have months_after_end: null so every date has a price", w.path("months_after_end"));
      window.months_after_end = static_cast<int>(as_integer(limit, w.path("months_after_end"), 0, 120));
      if (!r.windows.empty() && !(*r.windows.back().months_after_end < *window.months_after_end)) {
        fail("invalid_windows", "renewal windows must be in strictly ascending months_after_end order", w.path("months_after_end"));
      }
    }
    window.rate = as_rate(w.at("rate"), w.path("rate"));
    window.anchor = read_enum(w, "anchor", {TermAnchor::previous_end, TermAnchor::activation});
    r.windows.push_back(std::move(window));
  }
  return r;
}

LapsePolicy read_lapse(const Object& o) {
  o.allow_only({"software_keeps_working", "updates_continue", "add_licenses_requires_active_support", "gap_updates_granted"});
  LapsePolicy l;
  l.software_keeps_working = read_bool(o, "software_keeps_working", true);
  l.updates_continue = read_bool(o, "updates_continue", false);
  l.add_licenses_requires_active_support = read_bool(o, "add_licenses_requires_active_support", false);
  l.gap_updates_granted = read_bool(o, "gap_updates_granted", false);
  return l;
}

ChangePolicy read_change(const Object& o, const Catalog& catalog) {
  o.allow_only({"proration_basis", "cases", "default"});
  ChangePolicy c;
  if (o.has("proration_basis")) {
    c.basis = read_enum(o, "proration_basis", {ProrationBasis::actual_days, ProrationBasis::thirty_day_months});
  }
  if (o.has("default")) {
    c.default_effect = read_enum(o, "default", {ChangeEffect::immediate, ChangeEffect::end_of_term, ChangeEffect::not_allowed});
  }
  if (o.has("cases")) {
    const json& cases = as_array(o.at("cases"), o.path("cases"), 100);
    for (std::size_t i = 0; i < cases.size(); ++i) {
      Object k(cases[i], child(o.path("cases"), i));
      k.allow_only({"direction", "from_tier", "to_tier", "from_billing_months", "to_billing_months", "effect"});
      ChangeCase cc;
      if (k.has("direction")) {
        cc.direction = read_enum(k, "direction", {ChangeDirection::upgrade, ChangeDirection::downgrade, ChangeDirection::same_tier});
      }
      if (k.has("from_tier")) cc.from_tier = tier_index(catalog, k.at("from_tier"), k.path("from_tier"));
      if (k.has("to_tier")) cc.to_tier = tier_index(catalog, k.at("to_tier"), k.path("to_tier"));
      if (k.has("from_billing_months")) {
        cc.from_billing_months = static_cast<int>(as_integer(k.at("from_billing_months"), k.path("from_billing_months"), 1, 120));
      }
      if (k.has("to_billing_months")) {
        cc.to_billing_months = static_cast<int>(as_integer(k.at("to_billing_months"), k.path("to_billing_months"), 1, 120));
      }
      cc.effect = read_enum(k, "effect", {ChangeEffect::immediate, ChangeEffect::end_of_term, ChangeEffect::not_allowed});
      c.cases.push_back(cc);
    }
  }
  return c;
}

CancellationPolicy read_cancellation(const Object& o) {
  o.allow_only({"refund", "effective", "notice"});
  CancellationPolicy c;
  if (o.has("refund")) c.refund = read_enum(o, "refund", {Refund::none, Refund::prorated});
  if (o.has("effective")) c.effective = read_enum(o, "effective", {CancelEffective::end_of_term, CancelEffective::end_of_month});
  if (const json* notice = o.find("notice")) {
    if (notice->is_object()) {
      Object n(*notice, o.path("notice"));
      n.allow_only({"days_before_end"});
      c.notice = CustomerNotice::days_before_end;
      c.notice_days = static_cast<int>(as_integer(n.at("days_before_end"), n.path("days_before_end"), 0, 366));
    } else {
      std::string name = as_string(*notice, o.path("notice"), 64);
      if (name == "none") {
        c.notice = CustomerNotice::none;
      } else if (name == "end_of_current_month") {
        c.notice = CustomerNotice::end_of_current_month;
      } else {
        fail("invalid_value", "notice is \"none\", \"end_of_current_month\" or {\"days_before_end\": N}; got " + excerpt(name), o.path("notice"));
      }
    }
  }
  return c;
}

}  // namespace

Policies read_policies(const Object& o, const Catalog& catalog, Policies base) {
  o.allow_only({"renewal", "lapse", "change", "cancellation"});
  if (o.has("renewal")) base.renewal = read_renewal(Object(o.at("renewal"), o.path("renewal")));
  if (o.has("lapse")) base.lapse = read_lapse(Object(o.at("lapse"), o.path("lapse")));
  if (o.has("change")) base.change = read_change(Object(o.at("change"), o.path("change")), catalog);
  if (o.has("cancellation")) base.cancellation = read_cancellation(Object(o.at("cancellation"), o.path("cancellation")));
  return base;
}

}  // namespace plancalc
