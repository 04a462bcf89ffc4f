#include "response_writer.hpp"

#include "sla_response.hpp"

namespace plancalc::response {

std::string money(const Catalog& c, Money m) { return format_amount(m, *c.currency); }

namespace {


ojson plan_ref(const Plan& p, const Catalog& c) {
  return {{"id", p.id},
          {"tier", c.tiers[static_cast<std::size_t>(p.tier)].id},
          {"billing_months", p.billing_months},
          {"unit", p.unit}};
}

ojson tier(const Catalog& c, const Tier& t) {
  ojson features = ojson::array();
  for (const Feature& f : t.features) {
    features.push_back({{"id", f.id}, {"name", f.name}, {"names", names(f.names)}});
  }
  ojson out = {{"id", t.id}, {"name", t.name}, {"names", names(t.names)}, {"rank", t.rank},
               {"features", features}};
  if (t.sla) out["sla"] = tier_sla(c, *t.sla);
  return out;
}

}  // namespace

ojson tiers(const Catalog& c) {
  ojson out = ojson::array();
  for (int t : tiers_by_rank(c)) out.push_back(tier(c, c.tiers[static_cast<std::size_t>(t)]));
  return out;
}

ojson features(const Catalog& c) {
  ojson out = ojson::array();
  for (const FeatureRow& f : feature_matrix(c)) {
    ojson in = ojson::object();
    for (int t : tiers_by_rank(c)) {
      in[c.tiers[static_cast<std::size_t>(t)].id] = static_cast<bool>(f.in_tier[static_cast<std::size_t>(t)]);
    }
    out.push_back({{"id", f.feature->id},
                   {"name", f.feature->name},
                   {"names", names(f.feature->names)},
                   {"tiers", in}});
  }
  return out;
}

ojson error(const Error& e) {
  return {{"ok", false},
          {"error",
           {{"code", e.code()},
            {"message", e.message()},
            {"path", e.path()},
            {"source", e.source() == Source::catalog ? "catalog" : "request"}}}};
}

ojson ok(ojson result) { return {{"ok", true}, {"result", std::move(result)}}; }

ojson catalog_ref(const Catalog& c) {
  return {{"id", c.vendor.id}, {"fingerprint", c.fingerprint}, {"illustrative", c.vendor.illustrative}};
}

ojson conventions(const Catalog& c, std::optional<Date> as_of) {
  ojson out = {{"currency", c.currency->code},
          {"exponent", c.currency->exponent},
          {"rounding_mode", to_string(c.rounding.mode)},
          {"rounding_increment", money(c, Money::from_minor(c.rounding.increment_minor))},
          {"month_end", "clamp_to_last_day"},
          {"term", "half_open"},
          {"proration_basis", to_string(c.policies.change.basis)}};
  if (as_of) out["as_of"] = format_date(*as_of);
  return out;
}

ojson explanation(const Catalog& c, const Explanation& e) {
  ojson args = ojson::object();
  for (const auto& [name, value] : e.args) {
    if (auto s = std::get_if<std::string>(&value)) {
      args[name] = *s;
    } else if (auto i = std::get_if<std::int64_t>(&value)) {
      args[name] = *i;
    } else if (auto m = std::get_if<Money>(&value)) {
      args[name] = money(c, *m);
    } else if (auto d = std::get_if<Date>(&value)) {
      args[name] = format_date(*d);
    } else if (auto r = std::get_if<Rate>(&value)) {
      args[name] = format_rate(*r);
    }
  }
  return {{"key", e.key}, {"args", args}};
}

ojson line(const Catalog& c, const Line& l) {
  ojson out = {{"kind", l.kind}, {"quantity", l.quantity}};
  if (l.unit_amount) out["unit_amount"] = money(c, *l.unit_amount);
  out["amount"] = money(c, l.amount);
  out["explanation"] = explanation(c, l.explanation);
  return out;
}

ojson names(const Names& n) {
  ojson out = ojson::object();
  for (const auto& [locale, text] : n) out[locale] = text;
  return out;
}

// A billing period's lines and totals: net, tax (null without a catalog tax), total.
ojson period_json(const Catalog& c, const Charge& ch) {
  ojson lines = ojson::array();
  for (const Line& l : ch.priced.lines) lines.push_back(line(c, l));
  return {{"start", format_date(ch.start)},
          {"end", format_date(ch.end)},
          {"lines", lines},
          {"net", money(c, ch.priced.net)},
          {"tax", ch.priced.tax ? line(c, *ch.priced.tax) : ojson()},
          {"total", money(c, ch.priced.total)}};
}

ojson quote(const Catalog& c, const Quote& q, int horizon_months, Date start) {
  const Charge& first = q.first();
  ojson schedule = ojson::array();
  for (const Charge& ch : q.schedule) {
    ojson item = {{"index", ch.index},
                  {"start", format_date(ch.start)},
                  {"end", format_date(ch.end)},
                  {"amount", money(c, ch.priced.total)}};
    if (ch.priced.tax) {
      item["net"] = money(c, ch.priced.net);
      item["tax"] = money(c, ch.priced.tax->amount);
    }
    if (ch.priced.price_from) item["price_from"] = format_date(*ch.priced.price_from);
    item["explanation"] = explanation(
        c, {"schedule.period",
            {{"index", static_cast<std::int64_t>(ch.index)}, {"start", ch.start}, {"end", ch.end}}});
    schedule.push_back(std::move(item));
  }
  const Plan& p = *q.plan;
  return {
      {"plan", plan_ref(p, c)},
      {"quantity", q.quantity},
      {"first_period", period_json(c, first)},
      {"effective_per_month",
       {{"amount", money(c, q.effective_per_month)},
        {"explanation",
         explanation(c, {"effective.per_month",
                         {{"total", first.priced.total},
                          {"months", static_cast<std::int64_t>(p.billing_months)}}})}}},
      {"schedule", schedule},
      {"horizon",
       {{"months", horizon_months},
        {"start", format_date(start)},
        {"end", format_date(q.horizon_end)},
        {"covered_until", format_date(q.covered_until())},
        {"charges", q.schedule.size()},
        {"net", money(c, q.horizon_net)},
        {"tax", c.tax ? ojson(money(c, q.horizon_tax)) : ojson()},
        {"total", money(c, q.horizon_total)},
        {"explanation",
         explanation(c, {"horizon.total",
                         {{"charges", static_cast<std::int64_t>(q.schedule.size())},
                          {"months", static_cast<std::int64_t>(horizon_months)},
                          {"covered_until", q.covered_until()}}})}}}};
}

ojson comparison(const Catalog& c, const Comparison& cmp, std::int64_t quantity,
                 int horizon_months, Date start) {
  ojson rows = ojson::array();
  for (const CompareRow& row : cmp.rows) {
    const Plan& p = *row.plan;
    ojson r = {{"plan", p.id},
               {"tier", c.tiers[static_cast<std::size_t>(p.tier)].id},
               {"billing_months", p.billing_months}};
    if (row.quote) {
      const Quote& q = *row.quote;
      r["first_period_total"] = money(c, q.first().priced.total);
      r["effective_per_month"] = money(c, q.effective_per_month);
      r["horizon_total"] = money(c, q.horizon_total);
      r["covered_until"] = format_date(q.covered_until());
      r["charges"] = q.schedule.size();
      r["rank"] = row.rank;
    } else {
      r["error"] = {{"code", row.error->code()}, {"message", row.error->message()}};
    }
    rows.push_back(std::move(r));
  }
  ojson cheapest = nullptr;
  if (cmp.cheapest) {
    cheapest = {{"plan", cmp.cheapest->plan->id},
                {"explanation", explanation(c, cmp.cheapest_explanation)}};
  }
  ojson savings = ojson::array();
  for (const Saving& s : cmp.savings) {
    savings.push_back({{"tier", s.tier->id},
                       {"shorter_plan", s.shorter->id},
                       {"longer_plan", s.longer->id},
                       {"months", s.months},
                       {"shorter_cost", money(c, s.shorter_cost)},
                       {"longer_cost", money(c, s.longer_cost)},
                       {"saving", money(c, s.saving)},
                       {"percent", format_permille(s.permille)},
                       {"explanation", explanation(c, s.explanation)}});
  }
  ojson break_evens = ojson::array();
  for (const BreakEven& b : cmp.break_evens) {
    break_evens.push_back({{"lower_plan", b.lower->id},
                           {"higher_plan", b.higher->id},
                           {"usage_key", b.allowance},
                           {"unit", b.unit},
                           {"from_usage", b.usage},
                           {"lower_cost", money(c, b.lower_cost)},
                           {"higher_cost", money(c, b.higher_cost)},
                           {"explanation", explanation(c, b.explanation)}});
  }
  ojson reasons = ojson::array();
  for (const Explanation& e : cmp.reasons) reasons.push_back(explanation(c, e));
  if (!cheapest.is_null()) cheapest["reasons"] = reasons;
  return {{"quantity", quantity},
          {"horizon",
           {{"months", horizon_months}, {"start", format_date(start)}, {"end", format_date(cmp.horizon_end)}}},
          {"rows", rows},
          {"cheapest", cheapest},
          {"savings", savings},
          {"break_even", break_evens},
          {"tiers", tiers(c)},
          {"features", features(c)}};
}

ojson allowances_json(const Catalog& c, const Plan& p) {
  ojson out = ojson::array();
  for (const Allowance& a : p.allowances) {
    ojson overage = nullptr;
    if (a.overage) {
      const Overage& o = *a.overage;
      overage = o.model == Overage::Model::per_unit
                    ? ojson{{"model", "per_unit"}, {"unit_amount", money(c, o.unit_amount)}}
                    : ojson{{"model", "package"}, {"package_size", o.package_size}, {"package_amount", money(c, o.package_amount)}};
      overage["current_month_only"] = o.current_month_only;
    }
    out.push_back({{"id", a.id},
                   {"name", a.name},
                   {"names", names(a.names)},
                   {"unit", a.unit},
                   {"included", a.included},
                   {"per_quantity", a.per_quantity},
                   {"rollover", a.rollover},
                   {"overage", overage}});
  }
  return out;
}

ojson describe(const Catalog& c) {
  ojson plans = ojson::array();
  for (const Plan& p : c.plans) {
    plans.push_back({{"id", p.id},
                     {"tier", c.tiers[static_cast<std::size_t>(p.tier)].id},
                     {"billing_months", p.billing_months},
                     {"unit", p.unit},
                     {"name", p.name},
                     {"names", names(p.names)},
                     {"min_quantity", p.min_quantity},
                     {"max_quantity", p.max_quantity},
                     {"on_request", !p.prices.empty() && p.prices.back().price.model == PriceModel::on_request},
                     {"legacy", p.legacy ? ojson{{"sold_until", format_date(p.legacy->sold_until)},
                                                 {"renewable_until", p.legacy->renewable_until
                                                                          ? ojson(format_date(*p.legacy->renewable_until))
                                                                          : ojson()}}
                                         : ojson()},
                     {"trial", p.trial},
                     {"allowances", allowances_json(c, p)}});
  }
  ojson services = ojson::array();
  for (const HourlyService& s : c.services) {
    services.push_back({{"id", s.id},
                        {"name", s.name},
                        {"names", names(s.names)},
                        {"rate_per_hour", money(c, s.rate_per_hour)},
                        {"increment_minutes", s.increment_minutes},
                        {"minimum_minutes", s.minimum_minutes}});
  }
  ojson discounts = ojson::array();
  for (const Discount& d : c.discounts) {
    ojson context = ojson::object();
    for (const auto& [k, v] : d.context) context[k] = v;
    discounts.push_back({{"id", d.id},
                         {"name", d.name},
                         {"names", names(d.names)},
                         {"percent", d.kind == Discount::Kind::percent ? ojson(format_rate(d.rate)) : ojson()},
                         {"amount", d.kind == Discount::Kind::fixed ? ojson(money(c, d.amount)) : ojson()},
                         {"context", context},
                         {"needs_coupon", d.coupon.has_value()}});
  }
  ojson products = ojson::array();
  for (const Product& p : c.products) {
    products.push_back({{"id", p.id}, {"name", p.name}, {"names", names(p.names)}});
  }
  return {{"vendor",
           {{"id", c.vendor.id},
            {"name", c.vendor.name},
            {"names", names(c.vendor.names)},
            {"source", c.vendor.source},
            {"illustrative", c.vendor.illustrative},
            {"note", c.vendor.note}}},
          {"currency", c.currency->code},
          {"exponent", c.currency->exponent},
          {"tiers", tiers(c)},
          {"plans", plans},
          {"products", products},
          {"services", services},
          {"discounts", discounts},
          {"discount_stacking", to_string(c.stacking)},
          {"tax", c.tax ? ojson{{"label", c.tax->label},
                                 {"names", names(c.tax->names)},
                                 {"rate", format_rate(c.tax->rate)},
                                 {"inclusive", c.tax->inclusive}}
                         : ojson()},
          {"calendars", calendars(c)}};
}

}  // namespace plancalc::response
