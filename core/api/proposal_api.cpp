// The api of op proposal (issue 18): request JSON -> price_proposal ->
// response text (docs/api.md, "proposal").
#include "api_common.hpp"
#include "plancalc/contract/contract.hpp"
#include "plancalc/proposal/proposal.hpp"

namespace plancalc::api_detail {
namespace {

using namespace json_input;
using response_parts::date_field;
using response_parts::explanation;
using response_parts::money_field;
using response_parts::optional_date_field;

constexpr std::int64_t kMaxQuantity = 1'000'000'000;
constexpr int kMaxHorizonMonths = 600;
constexpr std::size_t kMaxItems = 100;
constexpr std::int64_t kMaxHours = 100'000;

std::int64_t quantity_at(const Object& r, const char* key) {
  if (!r.has(key)) return 1;
  return as_integer(r.at(key), r.where(key), 1, kMaxQuantity, "invalid_quantity", "number_too_large");
}

// {"percent": "10", "reason": "3-year commitment"}: 0 to 100 %.
NegotiatedDiscount read_discount(const Object& parent) {
  Object o(parent.at("discount"), parent.path("discount"));
  o.allow_only({"percent", "reason"});
  const json& percent = o.at("percent");
  std::string where = o.path("percent");
  if (percent.is_string()) {
    const std::string& text = percent.get_ref<const std::string&>();
    if (!text.empty() && text[0] == '-') {
      fail("invalid_discount", "a negotiated discount is 0 to 100 %, got " + excerpt(text), where,
           {arg("percent", text.substr(0, 64)), arg("min", "0"), arg("max", "100")});
    }
  }
  NegotiatedDiscount d;
  d.rate = as_rate(percent, where);
  if (d.rate.micro_percent() > 100 * Rate::kScale) {
    fail("invalid_discount", "a negotiated discount is 0 to 100 %, got " + format_rate(d.rate), where,
         {arg("percent", format_rate(d.rate)), arg("min", "0"), arg("max", "100")});
  }
  d.reason = as_string(o.at("reason"), o.where("reason"), 200);
  return d;
}

const HourlyService& service_at(const Catalog& catalog, const Object& o) {
  std::string id = as_string(o.at("service"), o.where("service"), 200);
  for (const HourlyService& s : catalog.services) {
    if (s.id == id) return s;
  }
  std::vector<std::string> valid;
  for (const HourlyService& s : catalog.services) valid.push_back(s.id);
  std::string asked = excerpt(id);
  asked = asked.substr(1, asked.size() - 2);
  fail("unknown_service", "no service " + excerpt(id) + " in catalog " + excerpt(catalog.vendor.id), o.path("service"),
       {arg("service", asked), arg("catalog", catalog.vendor.id), arg("valid", std::move(valid))});
}

ProposalItem read_item(const Catalog& catalog, const Object& o, Date start, Date as_of) {
  ProposalItem item;
  int kinds = o.has("plan") + o.has("product") + o.has("service");
  if (kinds == 0) fail("missing_field", "an item names a 'plan', a 'product' or a 'service'", o.path("plan"));
  if (kinds > 1) {
    fail("conflicting_fields", "an item names one of 'plan', 'product' or 'service'",
         o.path(o.has("service") ? "service" : "product"));
  }
  item.date = o.has("date") ? as_date(o.at("date"), o.where("date")) : start;
  if (o.has("discount")) item.discount = read_discount(o);
  if (o.has("plan")) {
    o.allow_only({"plan", "quantity", "date", "steps", "discount"});
    item.kind = ProposalItem::Kind::plan;
    item.plan = &plan_at(catalog, o, "plan");
    item.quantity = quantity_at(o, "quantity");
    check_sold(*item.plan, std::max(as_of, item.date), o.path("plan").c_str());
    try {
      check_quantity(*item.plan, item.quantity);
    } catch (const Error& e) {
      throw Error(e.code(), e.message(), o.path("quantity"), e.source(), e.args());
    }
    if (o.has("steps")) {
      const json& steps = as_array(o.at("steps"), o.where("steps"), kMaxItems);
      const Plan* plan = item.plan;
      std::int64_t quantity = item.quantity;
      for (std::size_t s = 0; s < steps.size(); ++s) {
        Object step(steps[s], child(o.path("steps"), s));
        step.allow_only({"date", "plan", "quantity"});
        if (!step.has("plan") && !step.has("quantity")) {
          fail("missing_field", "a step gives a new 'quantity', a new 'plan' or both", step.path("quantity"));
        }
        ProposalStep st;
        st.date = as_date(step.at("date"), step.where("date"));
        st.plan = step.has("plan") ? &plan_at(catalog, step, "plan") : plan;
        st.quantity = step.has("quantity") ? quantity_at(step, "quantity") : quantity;
        plan = st.plan;
        quantity = st.quantity;
        item.steps.push_back(st);
      }
    }
  } else if (o.has("product")) {
    o.allow_only({"product", "quantity", "date", "discount"});
    item.kind = ProposalItem::Kind::product;
    item.product = &product_at(catalog, o, "product");
    item.quantity = quantity_at(o, "quantity");
  } else {
    o.allow_only({"service", "hours", "minutes", "date", "discount"});
    item.kind = ProposalItem::Kind::service;
    item.service = &service_at(catalog, o);
    if (o.has("hours") == o.has("minutes")) {
      if (o.has("hours")) fail("conflicting_fields", "a service item has 'hours' or 'minutes', not both", o.path("minutes"));
      fail("missing_field", "a service item has 'hours' or 'minutes'", o.path("hours"));
    }
    item.minutes = o.has("hours") ? 60 * as_integer(o.at("hours"), o.where("hours"), 1, kMaxHours)
                                  : as_integer(o.at("minutes"), o.where("minutes"), 1, 60 * kMaxHours);
  }
  return item;
}

struct ProposalRun {
  ProposalRequest request;
  std::string customer;
  std::string lang;
  Date as_of = Date::from_days(0);
};

ProposalRun read_proposal(const Catalog& catalog, const Request& doc) {
  Object r(doc);
  r.allow_only({"op", "customer", "issued", "valid_days", "start", "horizon_months", "as_of", "items", "discount",
                "context", "coupon", "lang"});
  ProposalRun run;
  ProposalRequest& p = run.request;
  if (r.has("customer")) run.customer = as_string(r.at("customer"), r.where("customer"), 200);
  if (r.has("lang")) run.lang = as_string(r.at("lang"), r.where("lang"), 35);
  p.issued = as_date(r.at("issued"), r.where("issued"));
  if (r.has("valid_days")) p.valid_days = static_cast<int>(as_integer(r.at("valid_days"), r.where("valid_days"), 1, 3650));
  p.start = as_date(r.at("start"), r.where("start"));
  if (r.has("horizon_months")) {
    p.horizon_months = static_cast<int>(as_integer(r.at("horizon_months"), r.where("horizon_months"), 1, kMaxHorizonMonths));
  }
  run.as_of = r.has("as_of") ? as_date(r.at("as_of"), r.where("as_of")) : p.start;
  if (r.has("discount")) p.discount = read_discount(r);
  Purchase purchase = read_purchase(catalog, r);
  p.customer = std::move(purchase.customer);
  const json& items = as_array(r.at("items"), r.where("items"), kMaxItems);
  if (items.empty()) fail("no_items", "a proposal needs at least one item", "/items");
  for (std::size_t i = 0; i < items.size(); ++i) {
    p.items.push_back(read_item(catalog, Object(items[i], child("/items", i)), p.start, run.as_of));
  }
  json canonical = doc;
  canonical.erase("op");
  canonical.erase("lang");
  p.canonical_request = canonical.dump();
  return run;
}

// --- the response -------------------------------------------------------------

void total_fields(Writer& w, const Catalog& c, Money net, Money tax, Money total) {
  money_field(w, c, "net", net);
  money_field(w, c, "tax", tax);
  money_field(w, c, "total", total);
}

void discount_field(Writer& w, const std::optional<NegotiatedDiscount>& d) {
  w.key("discount");
  if (!d) {
    w.null();
    return;
  }
  w.begin_object();
  w.field("percent", format_rate(d->rate));
  w.field("reason", d->reason);
  w.end_object();
}

void charge(Writer& w, const Catalog& c, const ProposalCharge& ch) {
  w.begin_object();
  w.field("kind", ch.kind);
  date_field(w, "date", ch.date);
  optional_date_field(w, "end", ch.end);
  w.key("explanation");
  explanation(w, c, ch.explanation);
  w.key("lines");
  w.begin_array();
  for (const Line& l : ch.lines) response_parts::line(w, c, l);
  w.end_array();
  money_field(w, c, "subtotal", ch.subtotal);
  w.key("tax");
  if (ch.tax) {
    response_parts::line(w, c, *ch.tax);
  } else {
    w.null();
  }
  money_field(w, c, "net", ch.net);
  money_field(w, c, "total", ch.total);
  w.end_object();
}

const char* kind_name(ProposalItem::Kind k) {
  switch (k) {
    case ProposalItem::Kind::plan:
      return "plan";
    case ProposalItem::Kind::product:
      return "product";
    case ProposalItem::Kind::service:
      return "service";
  }
  return "plan";
}

void item(Writer& w, const Catalog& c, std::size_t index, const ProposalItemResult& r) {
  const ProposalItem& it = *r.item;
  w.begin_object();
  w.field("index", index);
  w.field("kind", kind_name(it.kind));
  if (it.plan) w.field("plan", it.plan->id);
  if (it.product) w.field("product", it.product->id);
  if (it.service) {
    w.field("service", it.service->id);
    w.field("minutes", it.minutes);
  } else {
    w.field("quantity", it.quantity);
  }
  date_field(w, "date", it.date);
  if (it.kind == ProposalItem::Kind::plan) {
    w.key("steps");
    w.begin_array();
    for (const ProposalStep& s : it.steps) {
      w.begin_object();
      date_field(w, "date", s.date);
      w.field("plan", s.plan->id);
      w.field("quantity", s.quantity);
      w.end_object();
    }
    w.end_array();
  }
  discount_field(w, it.discount);
  w.key("charges");
  w.begin_array();
  for (const ProposalCharge& ch : r.charges) charge(w, c, ch);
  w.end_array();
  total_fields(w, c, r.net, r.tax, r.total);
  w.end_object();
}

void year(Writer& w, const Catalog& c, const ProposalTotal& t) {
  w.begin_object();
  w.field("year", t.year);
  date_field(w, "start", t.start);
  date_field(w, "end", t.end);
  total_fields(w, c, t.net, t.tax, t.total);
  w.end_object();
}

void proposal_result(Writer& w, const Catalog& c, const ProposalRun& run, const Proposal& p) {
  const ProposalRequest& r = run.request;
  w.field("proposal_id", p.id);
  w.field("customer", run.customer);
  w.key("lang");
  if (run.lang.empty()) {
    w.null();
  } else {
    w.string(run.lang);
  }
  date_field(w, "issued", r.issued);
  w.field("valid_days", r.valid_days);
  date_field(w, "valid_until", p.valid_until);
  w.key("validity");
  explanation(w, c,
              {"proposal.validity",
               {{"issued", r.issued},
                {"valid_days", static_cast<std::int64_t>(r.valid_days)},
                {"valid_until", p.valid_until}}});
  date_field(w, "start", r.start);
  w.field("horizon_months", r.horizon_months);
  discount_field(w, r.discount);
  w.key("approval");
  w.begin_object();
  w.field("required", p.approval.required);
  w.key("limit");
  if (p.approval.limit) {
    w.string(format_rate(*p.approval.limit));
  } else {
    w.null();
  }
  w.field("asked", format_rate(p.approval.asked));
  w.key("explanation");
  explanation(w, c, p.approval.explanation);
  w.end_object();
  w.key("items");
  w.begin_array();
  for (std::size_t i = 0; i < p.items.size(); ++i) item(w, c, i, p.items[i]);
  w.end_array();
  w.key("years");
  w.begin_array();
  for (const ProposalTotal& t : p.years) year(w, c, t);
  w.end_array();
  w.key("calendar_years");
  w.begin_array();
  for (const ProposalTotal& t : p.calendar_years) year(w, c, t);
  w.end_array();
  w.key("horizon");
  w.begin_object();
  date_field(w, "end", p.horizon_end);
  total_fields(w, c, p.net, p.tax, p.total);
  w.end_object();
  w.key("terms");
  w.begin_array();
  for (const TermsGroup& g : p.terms) {
    w.begin_object();
    w.key("items");
    w.begin_array();
    for (int i : g.items) w.integer(i);
    w.end_array();
    w.key("terms");
    w.begin_array();
    for (const Explanation& e : g.terms) explanation(w, c, e);
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

}  // namespace

void run_proposal(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& doc) {
  ProposalRun run = read_proposal(catalog, doc);
  Proposal p = price_proposal(catalog, run.request);
  response_parts::begin_result(w, catalog, parts, run.as_of);
  proposal_result(w, catalog, run, p);
  response_parts::end_result(w);
}

}  // namespace plancalc::api_detail
