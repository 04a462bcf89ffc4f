// The api of the contract life cycle: renew, change, cancel, add_licenses.
// Request JSON -> engine call -> result JSON (docs/api.md).
#include "api_common.hpp"
#include "plancalc/add_licenses.hpp"
#include "plancalc/cancel.hpp"
#include "plancalc/change.hpp"
#include "plancalc/renew.hpp"
#include "response_writer.hpp"

namespace plancalc::api_detail {
namespace {

using namespace json_input;
using response::explanation;
using response::money;

constexpr std::int64_t kMaxQuantity = 1'000'000'000;

std::int64_t quantity_at(const Object& r, const char* key) {
  if (!r.has(key)) return 1;
  return as_integer(r.at(key), r.path(key), 1, kMaxQuantity, "invalid_quantity", "number_too_large");
}

Date as_of_or(const Object& r, Date fallback) {
  return r.has("as_of") ? as_date(r.at("as_of"), r.path("as_of")) : fallback;
}

ojson term_json(Date start, Date end) { return {{"start", format_date(start)}, {"end", format_date(end)}}; }

ojson optional_date(const std::optional<Date>& d) { return d ? ojson(format_date(*d)) : ojson(); }

ojson proration_json(ProrationBasis basis, ProrationDays days) {
  return {{"basis", to_string(basis)}, {"remaining_days", days.remaining}, {"term_days", days.term}};
}

// The contract fields shared by change, cancel and add_licenses.
Contract read_contract(const Catalog& catalog, const Object& r) {
  Contract c;
  c.plan = &plan_at(catalog, r, "plan");
  c.quantity = quantity_at(r, "quantity");
  c.start = as_date(r.at("start"), r.path("start"));
  if (r.has("support_end")) c.support_end = as_date(r.at("support_end"), r.path("support_end"));
  return c;
}

ojson renewal_json(const Catalog& c, const RenewRequest& request, const RenewResult& r) {
  ojson windows = ojson::array();
  for (const WindowSpan& span : r.windows) {
    windows.push_back({{"id", span.window->id},
                       {"name", span.window->name},
                       {"names", response::names(span.window->names)},
                       {"rate", format_rate(span.window->rate)},
                       {"anchor", to_string(span.window->anchor)},
                       {"last_day", optional_date(span.last_day)}});
  }
  const WindowSpan& span = r.windows[static_cast<std::size_t>(r.window)];
  ojson subject = ojson::object();
  if (request.plan) subject["plan"] = request.plan->id;
  if (request.product) subject["product"] = request.product->id;
  subject["quantity"] = request.quantity;
  ojson gap = nullptr;
  bool updates_granted = r.gap_covered || r.lapse->gap_updates_granted;
  if (r.gap_days > 0) {
    gap = {{"start", format_date(request.support_end)},
           {"end", format_date(request.date)},
           {"days", r.gap_days},
           {"covered_by_new_term", r.gap_covered},
           {"updates_granted", updates_granted},
           {"explanation",
            explanation(c, {r.gap_covered ? "renewal.gap_covered" : "renewal.gap",
                            {{"start", request.support_end},
                             {"end", request.date},
                             {"days", static_cast<std::int64_t>(r.gap_days)},
                             {"updates_granted", std::string(updates_granted ? "yes" : "no")}}})}};
  }
  return {{"renewal", subject},
          {"support_end", format_date(request.support_end)},
          {"date", format_date(request.date)},
          {"early", r.early},
          {"window", windows[static_cast<std::size_t>(r.window)]},
          {"windows", windows},
          {"list_price", {{"amount", money(c, r.list_price)}, {"from", optional_date(r.list_price_from)}}},
          {"line", response::line(c, r.line)},
          {"amount", money(c, r.line.amount)},
          {"term",
           {{"start", format_date(r.term_start)},
            {"end", format_date(r.term_end)},
            {"explanation",
             explanation(c, {r.early ? "renewal.term_early" : (r.gap_covered ? "renewal.term_previous_end" : "renewal.term_activation"),
                             {{"start", r.term_start}, {"end", r.term_end}, {"support_end", request.support_end}}})}}},
          {"gap", gap},
          {"notice",
           {{"auto_renew", r.policy->auto_renew},
            {"vendor_notice_date", optional_date(r.vendor_notice)}}},
          {"lapse",
           {{"software_keeps_working", r.lapse->software_keeps_working},
            {"updates_continue", r.lapse->updates_continue},
            {"gap_updates_granted", r.lapse->gap_updates_granted}}},
          {"explanation",
           explanation(c, {r.early ? "renewal.window_early" : "renewal.window",
                           {{"window", span.window->id},
                            {"rate", span.window->rate},
                            {"date", request.date},
                            {"support_end", request.support_end},
                            {"last_day", span.last_day ? ExplanationArg(*span.last_day) : ExplanationArg(std::string())}}})}};
}

// support_inactive, with the renewal that must come first and its price.
[[noreturn]] void support_inactive(const Catalog& catalog, const SupportInactive& e, const Contract& contract,
                                   Date date) {
  RenewRequest renewal{contract.plan, nullptr, contract.quantity, e.support_end(), date};
  ojson details = {{"support_end", format_date(e.support_end())}};
  try {
    details["renewal"] = renewal_json(catalog, renewal, renew(catalog, renewal));
  } catch (const Error& cannot_renew) {
    details["renewal_error"] = {{"code", cannot_renew.code()}, {"message", cannot_renew.message()}};
  }
  throw DetailedError(e, details);
}

}  // namespace

ojson run_renew(const Catalog& catalog, const json& doc) {
  Object r(doc, "");
  r.allow_only({"op", "plan", "product", "quantity", "support_end", "purchase_date", "date", "as_of"});
  RenewRequest request;
  if (r.has("plan") == r.has("product")) {
    fail("missing_field", "name exactly one of 'plan' (a subscription) or 'product' (support for a bought product)", "/plan");
  }
  if (r.has("plan")) request.plan = &plan_at(catalog, r, "plan");
  if (r.has("product")) request.product = &product_at(catalog, r, "product");
  request.quantity = quantity_at(r, "quantity");
  request.date = as_date(r.at("date"), r.path("date"));
  if (r.has("support_end") == r.has("purchase_date")) {
    fail("missing_field", "give exactly one of 'support_end' or 'purchase_date'", "/support_end");
  }
  if (r.has("support_end")) {
    request.support_end = as_date(r.at("support_end"), r.path("support_end"));
  } else {
    Date purchase = as_date(r.at("purchase_date"), r.path("purchase_date"));
    if (!request.product || !request.product->included_support_months) {
      fail("no_included_support", "only a product with included support has a support end implied by its purchase date; give 'support_end'",
           "/purchase_date");
    }
    request.support_end = add_months_clamped(purchase, *request.product->included_support_months);
  }
  RenewResult result = renew(catalog, request);
  return with_header(catalog, as_of_or(r, request.date), renewal_json(catalog, request, result));
}

ojson run_change(const Catalog& catalog, const json& doc) {
  Object r(doc, "");
  r.allow_only({"op", "plan", "quantity", "start", "support_end", "date", "target", "target_quantity", "as_of"});
  ChangeRequest request;
  request.current = read_contract(catalog, r);
  request.target = &plan_at(catalog, r, "target");
  request.target_quantity = r.has("target_quantity") ? quantity_at(r, "target_quantity") : request.current.quantity;
  request.date = as_date(r.at("date"), r.path("date"));
  ChangeResult c;
  try {
    c = change(catalog, request);
  } catch (const SupportInactive& e) {
    support_inactive(catalog, e, request.current, request.date);
  }
  bool allowed = c.effect != ChangeEffect::not_allowed;
  ojson lines = ojson::array();
  if (c.credit) lines.push_back(response::line(catalog, *c.credit));
  if (c.charge) lines.push_back(response::line(catalog, *c.charge));
  ojson body = {
      {"from", {{"plan", request.current.plan->id}, {"quantity", request.current.quantity}}},
      {"to", {{"plan", request.target->id}, {"quantity", request.target_quantity}}},
      {"date", format_date(request.date)},
      {"direction", to_string(c.direction)},
      {"effect", to_string(c.effect)},
      {"allowed", allowed},
      {"policy_case", c.matched_case >= 0 ? ojson(c.matched_case) : ojson()},
      {"term", term_json(c.term.start, c.term.end)},
      {"effective", format_date(c.effective)},
      {"earliest_allowed", optional_date(c.earliest_allowed)},
      {"proration", c.effect == ChangeEffect::immediate ? proration_json(c.basis, c.days) : ojson()},
      {"lines", lines},
      {"credit", money(catalog, c.credit ? Money::from_minor(-c.credit->amount.minor()) : Money::zero())},
      {"charge", money(catalog, c.charge ? c.charge->amount : Money::zero())},
      {"net", money(catalog, c.net)},
      {"new_term", allowed ? ojson{{"start", format_date(c.new_term_start)},
                                   {"end", format_date(c.new_term_end)},
                                   {"starts_new_term", c.new_term}}
                           : ojson()},
      {"next_renewal", {{"date", format_date(c.next_renewal_date)}, {"amount", money(catalog, c.next_renewal_amount)}}},
      {"explanation",
       explanation(catalog, {std::string("change.") + to_string(c.effect),
                             {{"direction", std::string(to_string(c.direction))},
                              {"from_plan", request.current.plan->id},
                              {"to_plan", request.target->id},
                              {"effective", c.effective},
                              {"net", c.net}}})}};
  return with_header(catalog, as_of_or(r, request.date), std::move(body));
}

ojson run_cancel(const Catalog& catalog, const json& doc) {
  Object r(doc, "");
  r.allow_only({"op", "plan", "quantity", "start", "support_end", "date", "as_of"});
  CancelRequest request;
  request.contract = read_contract(catalog, r);
  request.date = as_date(r.at("date"), r.path("date"));
  CancelResult c;
  try {
    c = cancel(catalog, request);
  } catch (const SupportInactive& e) {
    support_inactive(catalog, e, request.contract, request.date);
  }
  const char* rule = c.policy->notice == CustomerNotice::none
                         ? "none"
                         : (c.policy->notice == CustomerNotice::end_of_current_month ? "end_of_current_month"
                                                                                     : "days_before_end");
  ojson notice = {{"rule", rule}, {"deadline", optional_date(c.notice_deadline)}, {"met", c.notice_met}};
  if (c.policy->notice == CustomerNotice::days_before_end) notice["days"] = c.policy->notice_days;
  Money refund = Money::from_minor(-c.refund.amount.minor());
  ojson body = {
      {"plan", request.contract.plan->id},
      {"quantity", request.contract.quantity},
      {"date", format_date(request.date)},
      {"term", term_json(c.term.start, c.term.end)},
      {"effective", to_string(c.policy->effective)},
      {"service_until", format_date(c.service_until)},
      {"last_day_of_service", format_date(add_days(c.service_until, -1))},
      {"notice", notice},
      {"auto_renew", c.auto_renew},
      {"renews_once_more", c.renews_once_more},
      {"renewal_charge", c.renews_once_more ? ojson(money(catalog, c.renewal_charge)) : ojson()},
      {"refund",
       {{"policy", to_string(c.policy->refund)},
        {"amount", money(catalog, refund)},
        {"proration", c.policy->refund == Refund::prorated && refund != Money::zero()
                          ? proration_json(request.contract.plan->policies.change.basis, c.days)
                          : ojson()},
        {"line", response::line(catalog, c.refund)}}},
      {"explanation",
       explanation(catalog, {c.renews_once_more ? "cancel.after_one_more_term" : "cancel.service_until",
                             {{"service_until", c.service_until},
                              {"last_day", add_days(c.service_until, -1)},
                              {"deadline", c.notice_deadline ? ExplanationArg(*c.notice_deadline) : ExplanationArg(std::string())}}})}};
  return with_header(catalog, as_of_or(r, request.date), std::move(body));
}

ojson run_add_licenses(const Catalog& catalog, const json& doc) {
  Object r(doc, "");
  r.allow_only({"op", "plan", "quantity", "start", "support_end", "date", "add", "as_of"});
  AddLicensesRequest request;
  request.contract = read_contract(catalog, r);
  request.add = as_integer(r.at("add"), r.path("add"), 1, kMaxQuantity, "invalid_quantity", "number_too_large");
  request.date = as_date(r.at("date"), r.path("date"));
  AddLicensesResult a;
  try {
    a = add_licenses(catalog, request);
  } catch (const SupportInactive& e) {
    support_inactive(catalog, e, request.contract, request.date);
  }
  ojson body = {
      {"plan", request.contract.plan->id},
      {"date", format_date(request.date)},
      {"quantity_before", request.contract.quantity},
      {"add", request.add},
      {"quantity_after", request.contract.quantity + request.add},
      {"co_termed", a.co_termed},
      {"term", term_json(a.term.start, a.term.end)},
      {"proration", proration_json(request.contract.plan->policies.change.basis, a.days)},
      {"line", response::line(catalog, a.charge)},
      {"charge", money(catalog, a.charge.amount)},
      {"next_renewal", {{"date", format_date(a.next_renewal_date)}, {"amount", money(catalog, a.next_renewal_amount)}}}};
  return with_header(catalog, as_of_or(r, request.date), std::move(body));
}

}  // namespace plancalc::api_detail
