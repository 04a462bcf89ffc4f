#include "pricing_response.hpp"

#include "plancalc/money/rounding.hpp"
#include "sla_response.hpp"

namespace plancalc::response {
namespace {

using response_parts::date_field;
using response_parts::explanation;
using response_parts::line;
using response_parts::money_field;
using response_parts::names;

const std::string& tier_id(const Catalog& c, const Plan& p) { return c.tiers[static_cast<std::size_t>(p.tier)].id; }

// --- Catalog parts --------------------------------------------------------------

void feature(Writer& w, const Feature& f) {
  w.begin_object();
  w.field("id", f.id);
  w.field("name", f.name);
  w.key("names");
  names(w, f.names);
  w.end_object();
}

void tier(Writer& w, const Catalog& c, const Tier& t) {
  w.begin_object();
  w.field("id", t.id);
  w.field("name", t.name);
  w.key("names");
  names(w, t.names);
  w.field("rank", t.rank);
  w.key("features");
  w.begin_array();
  for (const Feature& f : t.features) feature(w, f);
  w.end_array();
  if (t.sla) {
    w.key("sla");
    tier_sla(w, c, *t.sla);
  }
  w.end_object();
}

// --- quote --------------------------------------------------------------------

// {"id", "tier", "billing_months", "unit"}
void plan_ref(Writer& w, const Catalog& c, const Plan& p) {
  w.begin_object();
  w.field("id", p.id);
  w.field("tier", tier_id(c, p));
  w.field("billing_months", p.billing_months);
  w.field("unit", p.unit);
  w.end_object();
}

// A billing period's lines and totals: net, tax (null without a catalog tax), total.
void period(Writer& w, const Catalog& c, const Charge& ch) {
  w.begin_object();
  date_field(w, "start", ch.start);
  date_field(w, "end", ch.end);
  w.key("lines");
  w.begin_array();
  for (const Line& l : ch.priced.lines) line(w, c, l);
  w.end_array();
  money_field(w, c, "net", ch.priced.net);
  w.key("tax");
  if (ch.priced.tax) {
    line(w, c, *ch.priced.tax);
  } else {
    w.null();
  }
  money_field(w, c, "total", ch.priced.total);
  w.end_object();
}

// The explanations below are written field by field, not built as an
// Explanation first: a quote writes one per charge.

void effective_per_month(Writer& w, const Catalog& c, const Quote& q) {
  w.begin_object();
  money_field(w, c, "amount", q.effective_per_month);
  w.key("explanation");  // effective.per_month {total, months}
  w.begin_object();
  w.field("key", "effective.per_month");
  w.key("args");
  w.begin_object();
  money_field(w, c, "total", q.first().priced.total);
  w.field("months", q.plan->billing_months);
  w.end_object();
  w.end_object();
  w.end_object();
}

void schedule_item(Writer& w, const Catalog& c, const Charge& ch) {
  w.begin_object();
  w.field("index", ch.index);
  date_field(w, "start", ch.start);
  date_field(w, "end", ch.end);
  money_field(w, c, "amount", ch.priced.total);
  if (ch.priced.tax) {
    money_field(w, c, "net", ch.priced.net);
    money_field(w, c, "tax", ch.priced.tax->amount);
  }
  if (ch.priced.price_from) date_field(w, "price_from", *ch.priced.price_from);
  w.key("explanation");  // schedule.period {index, start, end}
  w.begin_object();
  w.field("key", "schedule.period");
  w.key("args");
  w.begin_object();
  w.field("index", ch.index);
  date_field(w, "start", ch.start);
  date_field(w, "end", ch.end);
  w.end_object();
  w.end_object();
  w.end_object();
}

void horizon(Writer& w, const Catalog& c, const Quote& q, int horizon_months, Date start) {
  w.begin_object();
  w.field("months", horizon_months);
  date_field(w, "start", start);
  date_field(w, "end", q.horizon_end);
  date_field(w, "covered_until", q.covered_until());
  w.field("charges", q.schedule.size());
  money_field(w, c, "net", q.horizon_net);
  w.key("tax");
  if (c.tax) {
    w.amount(q.horizon_tax, *c.currency);
  } else {
    w.null();
  }
  money_field(w, c, "total", q.horizon_total);
  w.key("explanation");  // horizon.total {charges, months, covered_until}
  w.begin_object();
  w.field("key", "horizon.total");
  w.key("args");
  w.begin_object();
  w.field("charges", q.schedule.size());
  w.field("months", horizon_months);
  date_field(w, "covered_until", q.covered_until());
  w.end_object();
  w.end_object();
  w.end_object();
}

// --- compare --------------------------------------------------------------------

void explanations(Writer& w, const Catalog& c, const std::vector<Explanation>& list) {
  w.begin_array();
  for (const Explanation& e : list) explanation(w, c, e);
  w.end_array();
}

void compare_row(Writer& w, const Catalog& c, const CompareRow& row) {
  const Plan& p = *row.plan;
  w.begin_object();
  w.field("plan", p.id);
  w.field("tier", tier_id(c, p));
  w.field("billing_months", p.billing_months);
  if (row.quote) {
    const Quote& q = *row.quote;
    money_field(w, c, "first_period_total", q.first().priced.total);
    money_field(w, c, "effective_per_month", q.effective_per_month);
    money_field(w, c, "horizon_total", q.horizon_total);
    date_field(w, "covered_until", q.covered_until());
    w.field("charges", q.schedule.size());
    w.field("rank", row.rank);
  }
  if (row.needs) {
    w.field("meets_needs", row.needs->meets);
    if (!row.needs->meets) {
      w.key("missed");
      explanations(w, c, row.needs->missed);
    }
  }
  if (!row.quote) {
    w.key("error");
    w.begin_object();
    w.field("code", row.error->code());
    w.field("message", row.error->message());
    w.end_object();
  }
  w.end_object();
}

void cheapest(Writer& w, const Catalog& c, const Comparison& cmp) {
  if (!cmp.cheapest) {
    w.null();
    return;
  }
  w.begin_object();
  w.field("plan", cmp.cheapest->plan->id);
  w.key("explanation");
  explanation(w, c, cmp.cheapest_explanation);
  w.key("reasons");
  w.begin_array();
  for (const Explanation& e : cmp.reasons) explanation(w, c, e);
  w.end_array();
  w.end_object();
}

// With needs: the recommendation, or (null and) the closest plan and the
// plans priced on request.
void needs_outcome(Writer& w, const Catalog& c, const NeedsOutcome& n) {
  w.key("recommendation");
  if (n.recommended) {
    const CompareRow& row = *n.recommended;
    w.begin_object();
    w.field("plan", row.plan->id);
    money_field(w, c, "horizon_total", row.quote->horizon_total);
    w.key("explanation");
    explanation(w, c, n.explanation);
    w.key("met");
    explanations(w, c, row.needs->met);
    w.key("because");
    explanations(w, c, n.because);
    w.end_object();
    return;
  }
  w.null();
  w.key("closest");
  if (n.closest) {
    w.begin_object();
    w.field("plan", n.closest->plan->id);
    money_field(w, c, "horizon_total", n.closest->quote->horizon_total);
    w.key("explanation");
    explanation(w, c, n.explanation);
    w.key("missed");
    explanations(w, c, n.closest->needs->missed);
    w.end_object();
  } else {
    w.null();
  }
  w.key("on_request");
  w.begin_array();
  for (const CompareRow* row : n.on_request) {
    w.begin_object();
    w.field("plan", row->plan->id);
    w.key("explanation");
    explanation(w, c, Explanation{"compare.on_request_may_meet", {{"plan", row->plan->id}}});
    w.end_object();
  }
  w.end_array();
}

void saving(Writer& w, const Catalog& c, const Saving& s) {
  w.begin_object();
  w.field("tier", s.tier->id);
  w.field("shorter_plan", s.shorter->id);
  w.field("longer_plan", s.longer->id);
  w.field("months", s.months);
  money_field(w, c, "shorter_cost", s.shorter_cost);
  money_field(w, c, "longer_cost", s.longer_cost);
  money_field(w, c, "saving", s.saving);
  w.field("percent", format_permille(s.permille));
  w.key("explanation");
  explanation(w, c, s.explanation);
  w.end_object();
}

void break_even(Writer& w, const Catalog& c, const BreakEven& b) {
  w.begin_object();
  w.field("lower_plan", b.lower->id);
  w.field("higher_plan", b.higher->id);
  w.field("usage_key", b.allowance);
  w.field("unit", b.unit);
  w.field("from_usage", b.usage);
  money_field(w, c, "lower_cost", b.lower_cost);
  money_field(w, c, "higher_cost", b.higher_cost);
  w.key("explanation");
  explanation(w, c, b.explanation);
  w.end_object();
}

// --- describe -------------------------------------------------------------------

void vendor(Writer& w, const Vendor& v) {
  w.begin_object();
  w.field("id", v.id);
  w.field("name", v.name);
  w.key("names");
  names(w, v.names);
  w.field("source", v.source);
  w.field("illustrative", v.illustrative);
  w.field("note", v.note);
  w.key("notes");
  names(w, v.notes);
  w.end_object();
}

// null, or {"model": "per_unit", "unit_amount"} / {"model": "package",
// "package_size", "package_amount"}, and "current_month_only".
void overage(Writer& w, const Catalog& c, const std::optional<Overage>& overage) {
  if (!overage) {
    w.null();
    return;
  }
  const Overage& o = *overage;
  w.begin_object();
  if (o.model == Overage::Model::per_unit) {
    w.field("model", "per_unit");
    money_field(w, c, "unit_amount", o.unit_amount);
  } else {
    w.field("model", "package");
    w.field("package_size", o.package_size);
    money_field(w, c, "package_amount", o.package_amount);
  }
  w.field("current_month_only", o.current_month_only);
  w.end_object();
}

void allowance(Writer& w, const Catalog& c, const Allowance& a) {
  w.begin_object();
  w.field("id", a.id);
  w.field("name", a.name);
  w.key("names");
  names(w, a.names);
  w.field("unit", a.unit);
  w.field("included", a.included);
  w.field("per_quantity", a.per_quantity);
  w.field("rollover", a.rollover);
  w.key("overage");
  overage(w, c, a.overage);
  w.end_object();
}

// null, or {"sold_until", "renewable_until" (a date or null)}
void legacy(Writer& w, const std::optional<Legacy>& legacy) {
  if (!legacy) {
    w.null();
    return;
  }
  w.begin_object();
  date_field(w, "sold_until", legacy->sold_until);
  response_parts::optional_date_field(w, "renewable_until", legacy->renewable_until);
  w.end_object();
}

void plan(Writer& w, const Catalog& c, const Plan& p) {
  w.begin_object();
  w.field("id", p.id);
  w.field("tier", tier_id(c, p));
  w.field("billing_months", p.billing_months);
  w.field("unit", p.unit);
  w.field("name", p.name);
  w.key("names");
  names(w, p.names);
  w.field("min_quantity", p.min_quantity);
  w.field("max_quantity", p.max_quantity);
  w.field("on_request", !p.prices.empty() && p.prices.back().price.model == PriceModel::on_request);
  w.key("legacy");
  legacy(w, p.legacy);
  w.field("trial", p.trial);
  w.key("allowances");
  w.begin_array();
  for (const Allowance& a : p.allowances) allowance(w, c, a);
  w.end_array();
  w.end_object();
}

void product(Writer& w, const Product& p) {
  w.begin_object();
  w.field("id", p.id);
  w.field("name", p.name);
  w.key("names");
  names(w, p.names);
  w.end_object();
}

void service(Writer& w, const Catalog& c, const HourlyService& s) {
  w.begin_object();
  w.field("id", s.id);
  w.field("name", s.name);
  w.key("names");
  names(w, s.names);
  money_field(w, c, "rate_per_hour", s.rate_per_hour);
  w.field("increment_minutes", s.increment_minutes);
  w.field("minimum_minutes", s.minimum_minutes);
  w.end_object();
}

// percent and amount: one of them, the other null.
void discount(Writer& w, const Catalog& c, const Discount& d) {
  w.begin_object();
  w.field("id", d.id);
  w.field("name", d.name);
  w.key("names");
  names(w, d.names);
  w.key("percent");
  if (d.kind == Discount::Kind::percent) {
    w.string(format_rate(d.rate));
  } else {
    w.null();
  }
  w.key("amount");
  if (d.kind == Discount::Kind::fixed) {
    w.amount(d.amount, *c.currency);
  } else {
    w.null();
  }
  w.key("context");
  w.begin_object();  // keys unique: read from a JSON object
  for (const auto& [k, v] : d.context) w.field(k, v);
  w.end_object();
  w.field("needs_coupon", d.coupon.has_value());
  w.end_object();
}

// null, or {"label", "names", "rate", "inclusive"}
void tax(Writer& w, const std::optional<Tax>& tax) {
  if (!tax) {
    w.null();
    return;
  }
  w.begin_object();
  w.field("label", tax->label);
  w.key("names");
  names(w, tax->names);
  w.field("rate", format_rate(tax->rate));
  w.field("inclusive", tax->inclusive);
  w.end_object();
}

// A catalog part: spliced from the engine's parts, or written here.
void part(Writer& w, const Catalog& c, const CatalogParts* parts, std::string CatalogParts::*text,
          void (*write)(Writer&, const Catalog&)) {
  if (parts) {
    w.raw(parts->*text);
  } else {
    write(w, c);
  }
}

}  // namespace

void tiers(Writer& w, const Catalog& c) {
  w.begin_array();
  for (int t : tiers_by_rank(c)) tier(w, c, c.tiers[static_cast<std::size_t>(t)]);
  w.end_array();
}

void features(Writer& w, const Catalog& c) {
  std::vector<int> ranked = tiers_by_rank(c);
  w.begin_array();
  for (const FeatureRow& f : feature_matrix(c)) {
    w.begin_object();
    w.field("id", f.feature->id);
    w.field("name", f.feature->name);
    w.key("names");
    names(w, f.feature->names);
    w.key("tiers");
    w.begin_object();
    for (int t : ranked) {
      w.field(c.tiers[static_cast<std::size_t>(t)].id, static_cast<bool>(f.in_tier[static_cast<std::size_t>(t)]));
    }
    w.end_object();
    w.end_object();
  }
  w.end_array();
}

CatalogParts catalog_parts(const Catalog& c) {
  Writer t(8192);
  tiers(t, c);
  Writer f(8192);
  features(f, c);
  std::vector<std::string> plans;
  for (const Plan& p : c.plans) {
    Writer r(256);
    plan_ref(r, c, p);
    plans.push_back(r.take());
  }
  std::string header = response_parts::header_start(c);
  Writer s(1024);
  s.raw(header);
  sla_conventions(s);
  return {std::move(header), s.take(), t.take(), f.take(), std::move(plans)};
}

void quote(Writer& w, const Catalog& c, const CatalogParts* parts, const Quote& q, int horizon_months, Date start) {
  w.key("plan");
  if (parts) {
    w.raw(parts->plans[static_cast<std::size_t>(q.plan - c.plans.data())]);
  } else {
    plan_ref(w, c, *q.plan);
  }
  w.field("quantity", q.quantity);
  w.key("first_period");
  period(w, c, q.first());
  w.key("effective_per_month");
  effective_per_month(w, c, q);
  w.key("schedule");
  w.begin_array();
  for (const Charge& ch : q.schedule) schedule_item(w, c, ch);
  w.end_array();
  w.key("horizon");
  horizon(w, c, q, horizon_months, start);
}

void comparison(Writer& w, const Catalog& c, const CatalogParts* parts, const Comparison& cmp,
                std::int64_t quantity, int horizon_months, Date start) {
  w.field("quantity", quantity);
  w.key("horizon");
  w.begin_object();
  w.field("months", horizon_months);
  date_field(w, "start", start);
  date_field(w, "end", cmp.horizon_end);
  w.end_object();
  w.key("rows");
  w.begin_array();
  for (const CompareRow& row : cmp.rows) compare_row(w, c, row);
  w.end_array();
  w.key("cheapest");
  cheapest(w, c, cmp);
  if (cmp.needs) needs_outcome(w, c, *cmp.needs);
  w.key("savings");
  w.begin_array();
  for (const Saving& s : cmp.savings) saving(w, c, s);
  w.end_array();
  w.key("break_even");
  w.begin_array();
  for (const BreakEven& b : cmp.break_evens) break_even(w, c, b);
  w.end_array();
  w.key("tiers");
  part(w, c, parts, &CatalogParts::tiers, tiers);
  w.key("features");
  part(w, c, parts, &CatalogParts::features, features);
}

void describe(Writer& w, const Catalog& c, const CatalogParts* parts) {
  w.key("vendor");
  vendor(w, c.vendor);
  w.field("currency", c.currency->code);
  w.field("exponent", c.currency->exponent);
  w.key("tiers");
  part(w, c, parts, &CatalogParts::tiers, tiers);
  w.key("plans");
  w.begin_array();
  for (const Plan& p : c.plans) plan(w, c, p);
  w.end_array();
  w.key("products");
  w.begin_array();
  for (const Product& p : c.products) product(w, p);
  w.end_array();
  w.key("services");
  w.begin_array();
  for (const HourlyService& s : c.services) service(w, c, s);
  w.end_array();
  w.key("discounts");
  w.begin_array();
  for (const Discount& d : c.discounts) discount(w, c, d);
  w.end_array();
  w.field("discount_stacking", to_string(c.stacking));
  w.key("tax");
  tax(w, c.tax);
  w.key("calendars");
  calendars(w, c);
  // The negotiated discount a proposal may give without approval (null: any needs approval).
  w.key("sales");
  if (c.sales) {
    w.begin_object();
    w.field("max_discount_percent", format_rate(c.sales->max_discount_percent));
    w.field("illustrative", c.sales->illustrative);
    w.key("note");
    if (c.sales->note.empty()) {
      w.null();
    } else {
      w.string(c.sales->note);
    }
    w.end_object();
  } else {
    w.null();
  }
}

}  // namespace plancalc::response
