// The api of the contract life cycle: renew, change, cancel, add_licenses.
// Request JSON -> engine call -> response text (docs/api.md).
#include "api_common.hpp"
#include "plancalc/contract/add_licenses.hpp"
#include "plancalc/contract/cancel.hpp"
#include "plancalc/contract/change.hpp"
#include "plancalc/contract/renew.hpp"

namespace plancalc::api_detail {
namespace {

using namespace json_input;
using response_parts::date_field;
using response_parts::explanation;
using response_parts::money_field;
using response_parts::optional_date_field;

constexpr std::int64_t kMaxQuantity = 1'000'000'000;

std::int64_t quantity_at(const Object& r, const char* key) {
  if (!r.has(key)) return 1;
  return as_integer(r.at(key), r.where(key), 1, kMaxQuantity, "invalid_quantity", "number_too_large");
}

Date as_of_or(const Object& r, Date fallback) {
  return r.has("as_of") ? as_date(r.at("as_of"), r.where("as_of")) : fallback;
}

// "term": {"start", "end"}
void term_field(Writer& w, const Term& term) {
  w.key("term");
  w.begin_object();
  date_field(w, "start", term.start);
  date_field(w, "end", term.end);
  w.end_object();
}

// "proration": {"basis", "remaining_days", "term_days"}
void proration_field(Writer& w, ProrationBasis basis, ProrationDays days) {
  w.key("proration");
  w.begin_object();
  w.field("basis", to_string(basis));
  w.field("remaining_days", days.remaining);
  w.field("term_days", days.term);
  w.end_object();
}

// "next_renewal": {"date", "amount"}
void next_renewal_field(Writer& w, const Catalog& c, Date date, Money amount) {
  w.key("next_renewal");
  w.begin_object();
  date_field(w, "date", date);
  money_field(w, c, "amount", amount);
  w.end_object();
}

template <std::size_t N>
void line_field(Writer& w, const Catalog& c, const char (&k)[N], const Line& l) {
  w.key(k);
  response_parts::line(w, c, l);
}

template <std::size_t N>
void explanation_field(Writer& w, const Catalog& c, const char (&k)[N], const Explanation& e) {
  w.key(k);
  explanation(w, c, e);
}

// The result of an operation with an as_of: header, then body(w).
template <typename Body>
void respond_with(Writer& w, const Catalog& catalog, const CatalogParts* parts, Date as_of, Body body) {
  response_parts::begin_result(w, catalog, parts, as_of);
  body(w);
  response_parts::end_result(w);
}

// The contract fields shared by change, cancel and add_licenses.
Contract read_contract(const Catalog& catalog, const Object& r) {
  Contract c;
  c.plan = &plan_at(catalog, r, "plan");
  c.quantity = quantity_at(r, "quantity");
  c.start = as_date(r.at("start"), r.where("start"));
  if (r.has("support_end")) c.support_end = as_date(r.at("support_end"), r.where("support_end"));
  return c;
}

// "window" and each of "windows": a renewal window as dates.
void window(Writer& w, const WindowSpan& span) {
  w.begin_object();
  w.field("id", span.window->id);
  w.field("name", span.window->name);
  w.key("names");
  response_parts::names(w, span.window->names);
  w.field("rate", format_rate(span.window->rate));
  w.field("anchor", to_string(span.window->anchor));
  optional_date_field(w, "last_day", span.last_day);
  w.end_object();
}

// "renewal": what is renewed: {"plan" or "product", "quantity"}
void renewal_subject(Writer& w, const RenewRequest& request) {
  w.key("renewal");
  w.begin_object();
  if (request.plan) w.field("plan", request.plan->id);
  if (request.product) w.field("product", request.product->id);
  w.field("quantity", request.quantity);
  w.end_object();
}

// "gap": null on time, else the days without support and what covers them.
void gap_field(Writer& w, const Catalog& c, const RenewRequest& request, const RenewResult& r) {
  w.key("gap");
  if (r.gap_days <= 0) {
    w.null();
    return;
  }
  bool updates_granted = r.gap_covered || r.lapse->gap_updates_granted;
  w.begin_object();
  date_field(w, "start", request.support_end);
  date_field(w, "end", request.date);
  w.field("days", r.gap_days);
  w.field("covered_by_new_term", r.gap_covered);
  w.field("updates_granted", updates_granted);
  explanation_field(w, c, "explanation",
                    {r.gap_covered ? "renewal.gap_covered" : "renewal.gap",
                     {{"start", request.support_end},
                      {"end", request.date},
                      {"days", static_cast<std::int64_t>(r.gap_days)},
                      {"updates_granted", std::string(updates_granted ? "yes" : "no")}}});
  w.end_object();
}

// The renewal's fields: the result of renew, and the "renewal" of a
// support_inactive error's details.
void renewal(Writer& w, const Catalog& c, const RenewRequest& request, const RenewResult& r) {
  const WindowSpan& span = r.windows[static_cast<std::size_t>(r.window)];
  renewal_subject(w, request);
  date_field(w, "support_end", request.support_end);
  date_field(w, "date", request.date);
  w.field("early", r.early);
  w.key("window");
  window(w, span);
  w.key("windows");
  w.begin_array();
  for (const WindowSpan& s : r.windows) window(w, s);
  w.end_array();
  w.key("list_price");
  w.begin_object();
  money_field(w, c, "amount", r.list_price);
  optional_date_field(w, "from", r.list_price_from);
  w.end_object();
  line_field(w, c, "line", r.line);
  money_field(w, c, "amount", r.line.amount);
  w.key("term");
  w.begin_object();
  date_field(w, "start", r.term_start);
  date_field(w, "end", r.term_end);
  explanation_field(
      w, c, "explanation",
      {r.early ? "renewal.term_early" : (r.gap_covered ? "renewal.term_previous_end" : "renewal.term_activation"),
       {{"start", r.term_start}, {"end", r.term_end}, {"support_end", request.support_end}}});
  w.end_object();
  gap_field(w, c, request, r);
  w.key("notice");
  w.begin_object();
  w.field("auto_renew", r.policy->auto_renew);
  optional_date_field(w, "vendor_notice_date", r.vendor_notice);
  w.end_object();
  w.key("lapse");
  w.begin_object();
  w.field("software_keeps_working", r.lapse->software_keeps_working);
  w.field("updates_continue", r.lapse->updates_continue);
  w.field("gap_updates_granted", r.lapse->gap_updates_granted);
  w.end_object();
  explanation_field(w, c, "explanation",
                    {r.early ? "renewal.window_early" : "renewal.window",
                     {{"window", span.window->id},
                      {"rate", span.window->rate},
                      {"date", request.date},
                      {"support_end", request.support_end},
                      {"last_day", span.last_day ? ExplanationArg(*span.last_day) : ExplanationArg(std::string())}}});
}

// support_inactive, with the renewal that must come first and its price:
// details {"support_end", "renewal"} or {"support_end", "renewal_error"}.
[[noreturn]] void support_inactive(const Catalog& catalog, const SupportInactive& e, const Contract& contract,
                                   Date date) {
  RenewRequest request{contract.plan, nullptr, contract.quantity, e.support_end(), date};
  std::optional<RenewResult> result;
  std::optional<Error> cannot_renew;
  try {
    result = renew(catalog, request);
  } catch (const Error& error) {
    cannot_renew = error;
  }
  Writer w(4096);
  w.begin_object();
  date_field(w, "support_end", e.support_end());
  if (result) {
    w.key("renewal");
    w.begin_object();
    renewal(w, catalog, request, *result);
    w.end_object();
  } else {
    w.key("renewal_error");
    w.begin_object();
    w.field("code", cannot_renew->code());
    w.field("message", cannot_renew->message());
    w.end_object();
  }
  w.end_object();
  throw DetailedError(e, w.take());
}

// The fields of a change's result.
void change_result(Writer& w, const Catalog& catalog, const ChangeRequest& request, const ChangeResult& c) {
  bool allowed = c.effect != ChangeEffect::not_allowed;
  w.key("from");
  w.begin_object();
  w.field("plan", request.current.plan->id);
  w.field("quantity", request.current.quantity);
  w.end_object();
  w.key("to");
  w.begin_object();
  w.field("plan", request.target->id);
  w.field("quantity", request.target_quantity);
  w.end_object();
  date_field(w, "date", request.date);
  w.field("direction", to_string(c.direction));
  w.field("effect", to_string(c.effect));
  w.field("allowed", allowed);
  w.key("policy_case");
  if (c.matched_case >= 0) {
    w.integer(c.matched_case);
  } else {
    w.null();
  }
  term_field(w, c.term);
  date_field(w, "effective", c.effective);
  optional_date_field(w, "earliest_allowed", c.earliest_allowed);
  if (c.effect == ChangeEffect::immediate) {
    proration_field(w, c.basis, c.days);
  } else {
    w.key("proration");
    w.null();
  }
  w.key("lines");
  w.begin_array();
  if (c.credit) response_parts::line(w, catalog, *c.credit);
  if (c.charge) response_parts::line(w, catalog, *c.charge);
  w.end_array();
  money_field(w, catalog, "credit", c.credit ? Money::from_minor(-c.credit->amount.minor()) : Money::zero());
  money_field(w, catalog, "charge", c.charge ? c.charge->amount : Money::zero());
  money_field(w, catalog, "net", c.net);
  w.key("new_term");
  if (allowed) {
    w.begin_object();
    date_field(w, "start", c.new_term_start);
    date_field(w, "end", c.new_term_end);
    w.field("starts_new_term", c.new_term);
    w.end_object();
  } else {
    w.null();
  }
  next_renewal_field(w, catalog, c.next_renewal_date, c.next_renewal_amount);
  explanation_field(w, catalog, "explanation",
                    {std::string("change.") + to_string(c.effect),
                     {{"direction", std::string(to_string(c.direction))},
                      {"from_plan", request.current.plan->id},
                      {"to_plan", request.target->id},
                      {"effective", c.effective},
                      {"net", c.net}}});
}

// "notice": {"rule", "deadline", "met"[, "days"]}
void cancel_notice(Writer& w, const CancelResult& c) {
  const char* rule = c.policy->notice == CustomerNotice::none
                         ? "none"
                         : (c.policy->notice == CustomerNotice::end_of_current_month ? "end_of_current_month"
                                                                                     : "days_before_end");
  w.key("notice");
  w.begin_object();
  w.field("rule", rule);
  optional_date_field(w, "deadline", c.notice_deadline);
  w.field("met", c.notice_met);
  if (c.policy->notice == CustomerNotice::days_before_end) w.field("days", c.policy->notice_days);
  w.end_object();
}

// The fields of a cancellation's result.
void cancel_result(Writer& w, const Catalog& catalog, const CancelRequest& request, const CancelResult& c) {
  w.field("plan", request.contract.plan->id);
  w.field("quantity", request.contract.quantity);
  date_field(w, "date", request.date);
  term_field(w, c.term);
  w.field("effective", to_string(c.policy->effective));
  date_field(w, "service_until", c.service_until);
  date_field(w, "last_day_of_service", add_days(c.service_until, -1));
  cancel_notice(w, c);
  w.field("auto_renew", c.auto_renew);
  w.field("renews_once_more", c.renews_once_more);
  w.key("renewal_charge");
  if (c.renews_once_more) {
    w.amount(c.renewal_charge, *catalog.currency);
  } else {
    w.null();
  }
  Money refund = Money::from_minor(-c.refund.amount.minor());
  w.key("refund");
  w.begin_object();
  w.field("policy", to_string(c.policy->refund));
  money_field(w, catalog, "amount", refund);
  if (c.policy->refund == Refund::prorated && refund != Money::zero()) {
    proration_field(w, request.contract.plan->policies.change.basis, c.days);
  } else {
    w.key("proration");
    w.null();
  }
  line_field(w, catalog, "line", c.refund);
  w.end_object();
  explanation_field(
      w, catalog, "explanation",
      {c.renews_once_more ? "cancel.after_one_more_term" : "cancel.service_until",
       {{"service_until", c.service_until},
        {"last_day", add_days(c.service_until, -1)},
        {"deadline", c.notice_deadline ? ExplanationArg(*c.notice_deadline) : ExplanationArg(std::string())}}});
}

// The fields of an add_licenses result.
void add_licenses_result(Writer& w, const Catalog& catalog, const AddLicensesRequest& request,
                         const AddLicensesResult& a) {
  w.field("plan", request.contract.plan->id);
  date_field(w, "date", request.date);
  w.field("quantity_before", request.contract.quantity);
  w.field("add", request.add);
  w.field("quantity_after", request.contract.quantity + request.add);
  w.field("co_termed", a.co_termed);
  term_field(w, a.term);
  proration_field(w, request.contract.plan->policies.change.basis, a.days);
  line_field(w, catalog, "line", a.charge);
  money_field(w, catalog, "charge", a.charge.amount);
  next_renewal_field(w, catalog, a.next_renewal_date, a.next_renewal_amount);
}

}  // namespace

void run_renew(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& doc) {
  Object r(doc);
  r.allow_only({"op", "plan", "product", "quantity", "support_end", "purchase_date", "date", "as_of"});
  RenewRequest request;
  if (r.has("plan") == r.has("product")) {
    fail("missing_field", "name exactly one of 'plan' (a subscription) or 'product' (support for a bought product)", "/plan");
  }
  if (r.has("plan")) request.plan = &plan_at(catalog, r, "plan");
  if (r.has("product")) request.product = &product_at(catalog, r, "product");
  request.quantity = quantity_at(r, "quantity");
  request.date = as_date(r.at("date"), r.where("date"));
  if (r.has("support_end") == r.has("purchase_date")) {
    fail("missing_field", "give exactly one of 'support_end' or 'purchase_date'", "/support_end");
  }
  if (r.has("support_end")) {
    request.support_end = as_date(r.at("support_end"), r.where("support_end"));
  } else {
    Date purchase = as_date(r.at("purchase_date"), r.where("purchase_date"));
    if (!request.product || !request.product->included_support_months) {
      fail("no_included_support", "only a product with included support has a support end implied by its purchase date; give 'support_end'",
           "/purchase_date");
    }
    request.support_end = add_months_clamped(purchase, *request.product->included_support_months);
  }
  RenewResult result = renew(catalog, request);
  respond_with(w, catalog, parts, as_of_or(r, request.date),
                      [&](Writer& out) { renewal(out, catalog, request, result); });
}

void run_change(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& doc) {
  Object r(doc);
  r.allow_only({"op", "plan", "quantity", "start", "support_end", "date", "target", "target_quantity", "as_of"});
  ChangeRequest request;
  request.current = read_contract(catalog, r);
  request.target = &plan_at(catalog, r, "target");
  request.target_quantity = r.has("target_quantity") ? quantity_at(r, "target_quantity") : request.current.quantity;
  request.date = as_date(r.at("date"), r.where("date"));
  ChangeResult c;
  try {
    c = change(catalog, request);
  } catch (const SupportInactive& e) {
    support_inactive(catalog, e, request.current, request.date);
  }
  respond_with(w, catalog, parts, as_of_or(r, request.date),
                      [&](Writer& out) { change_result(out, catalog, request, c); });
}

void run_cancel(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& doc) {
  Object r(doc);
  r.allow_only({"op", "plan", "quantity", "start", "support_end", "date", "as_of"});
  CancelRequest request;
  request.contract = read_contract(catalog, r);
  request.date = as_date(r.at("date"), r.where("date"));
  CancelResult c;
  try {
    c = cancel(catalog, request);
  } catch (const SupportInactive& e) {
    support_inactive(catalog, e, request.contract, request.date);
  }
  respond_with(w, catalog, parts, as_of_or(r, request.date),
                      [&](Writer& out) { cancel_result(out, catalog, request, c); });
}

void run_add_licenses(Writer& w, const Catalog& catalog, const CatalogParts* parts, const Request& doc) {
  Object r(doc);
  r.allow_only({"op", "plan", "quantity", "start", "support_end", "date", "add", "as_of"});
  AddLicensesRequest request;
  request.contract = read_contract(catalog, r);
  request.add = as_integer(r.at("add"), r.where("add"), 1, kMaxQuantity, "invalid_quantity", "number_too_large");
  request.date = as_date(r.at("date"), r.where("date"));
  AddLicensesResult a;
  try {
    a = add_licenses(catalog, request);
  } catch (const SupportInactive& e) {
    support_inactive(catalog, e, request.contract, request.date);
  }
  respond_with(w, catalog, parts, as_of_or(r, request.date),
                      [&](Writer& out) { add_licenses_result(out, catalog, request, a); });
}

}  // namespace plancalc::api_detail
