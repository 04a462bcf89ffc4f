#include "plancalc/proposal/proposal.hpp"

#include <algorithm>
#include <map>

#include "plancalc/catalog/read_catalog.hpp"
#include "plancalc/contract/add_licenses.hpp"
#include "plancalc/contract/change.hpp"
#include "plancalc/contract/renew.hpp"
#include "plancalc/error/error.hpp"
#include "plancalc/pricing/apply_tax.hpp"
#include "plancalc/pricing/charge.hpp"
#include "plancalc/pricing/usage.hpp"

namespace plancalc {
namespace {

// At most this many dated charges in one proposal (100 monthly items over
// 600 months would be 60,000, a response of some 40 MB).
constexpr std::size_t kMaxCharges = 5000;

std::string item_path(std::size_t i) { return "/items/" + std::to_string(i); }
std::string step_path(std::size_t i, std::size_t s) { return item_path(i) + "/steps/" + std::to_string(s); }

// An error raised by add_licenses or change (paths of their own requests)
// again with the path of the step that caused it.
[[noreturn]] void rethrow_at(const Error& e, const std::string& step) {
  std::string field = e.path() == "/date" ? "/date" : (e.path() == "/target" ? "/plan" : "/quantity");
  throw Error(e.code(), e.message(), step + field, e.source(), e.args());
}

// The negotiated discounts of an item: its own, then the proposal-wide one.
std::vector<Discount> negotiated_for(const ProposalRequest& r, const ProposalItem& item) {
  std::vector<Discount> out;
  if (item.discount && item.discount->rate.micro_percent() > 0) {
    out.push_back(negotiated_discount(item.discount->rate, item.discount->reason, "item"));
  }
  if (r.discount && r.discount->rate.micro_percent() > 0) {
    out.push_back(negotiated_discount(r.discount->rate, r.discount->reason, "proposal"));
  }
  return out;
}

// Adds the negotiated discount lines (on the sum of the lines so far, when
// positive) and tax to a charge of lines priced without them.
void finish(const Catalog& catalog, ProposalCharge& c, const std::vector<Discount>& negotiated) {
  Money subtotal = Money::zero();
  for (const Line& l : c.lines) subtotal = add(subtotal, l.amount);
  if (!negotiated.empty() && subtotal > Money::zero()) {
    DiscountTarget target{-1, 0, 1, c.date, subtotal, Money::zero()};
    for (const DiscountLine& d : apply_discounts(negotiated, catalog.stacking, target, {}, catalog.rounding)) {
      Money off = Money::from_minor(-d.amount.minor());
      subtotal = add(subtotal, off);
      c.lines.push_back({"discount", 1, std::nullopt, off, negotiated_explanation(d)});
    }
  }
  c.subtotal = subtotal;
  c.net = c.total = subtotal;
  if (catalog.tax) {
    TaxedAmount t = apply_tax(*catalog.tax, subtotal, catalog.rounding);
    c.net = t.net;
    c.total = t.gross;
    c.tax = Line{"tax", 1, std::nullopt, t.tax, t.explanation};
  }
}

ProposalCharge period_charge(const Catalog& catalog, const Plan& plan, std::int64_t quantity, Date start, Date end,
                             int index, const Purchase& purchase) {
  PricedCharge priced = price_charge(catalog, plan, quantity, start, purchase);
  ProposalCharge c;
  c.kind = "period";
  c.date = start;
  c.end = end;
  c.explanation = {"proposal.period",
                   {{"index", static_cast<std::int64_t>(index)},
                    {"plan", plan.id},
                    {"quantity", quantity},
                    {"unit", plan.unit},
                    {"start", start},
                    {"end", end}}};
  c.lines = std::move(priced.lines);
  c.subtotal = priced.subtotal;
  c.tax = std::move(priced.tax);
  c.net = priced.net;
  c.total = priced.total;
  return c;
}

// A plan item: its periods and steps.
void price_plan_item(const Catalog& catalog, const ProposalRequest& r, std::size_t index, Date horizon_end,
                     ProposalItemResult& out) {
  const ProposalItem& item = *out.item;
  Purchase purchase;
  purchase.customer = r.customer;
  purchase.negotiated = negotiated_for(r, item);
  const Plan* plan = item.plan;
  std::int64_t quantity = item.quantity;
  Date anchor = item.date;  // of the current run of terms
  int k = 0;                // the next period's index from the anchor
  int number = 0;           // periods charged so far
  std::size_t s = 0;        // the next step
  const std::vector<ProposalStep>& steps = item.steps;
  for (;;) {
    Date start = period_start(anchor, k, plan->billing_months);
    if (!(start < horizon_end)) break;
    // Steps on this period's first day: the period is bought as they say.
    while (s < steps.size() && steps[s].date == start) {
      const ProposalStep& step = steps[s];
      try {
        check_sold(*step.plan, step.date, "/target");
        check_quantity(*step.plan, step.quantity);
      } catch (const Error& e) {
        rethrow_at(e, step_path(index, s));
      }
      if (step.plan == plan && step.quantity == quantity) {
        fail("invalid_value", "the step on " + format_date(step.date) + " changes neither the plan nor the quantity",
             step_path(index, s) + "/quantity");
      }
      if (step.plan->billing_months != plan->billing_months) {
        anchor = start;
        k = 0;
      }
      plan = step.plan;
      quantity = step.quantity;
      ++s;
    }
    if (plan->trial && number >= 1) break;  // a trial is never renewed
    Date end = period_start(anchor, k + 1, plan->billing_months);
    out.charges.push_back(period_charge(catalog, *plan, quantity, start, end, ++number, purchase));
    ++k;
    // Steps inside the period [start, end): priced as the contract operations price them.
    Date term_start = start;
    while (s < steps.size() && steps[s].date < end) {
      const ProposalStep& step = steps[s];
      const std::string path = step_path(index, s);
      Contract contract{plan, quantity, term_start, end};
      ProposalCharge c;
      c.kind = "step";
      c.date = step.date;
      c.end = end;
      c.explanation = {"proposal.step",
                       {{"date", step.date},
                        {"from_plan", plan->id},
                        {"quantity_before", quantity},
                        {"to_plan", step.plan->id},
                        {"quantity_after", step.quantity},
                        {"term_end", end}}};
      if (step.plan == plan && step.quantity == quantity) {
        fail("invalid_value", "the step on " + format_date(step.date) + " changes neither the plan nor the quantity",
             path + "/quantity");
      }
      if (step.plan == plan && step.quantity > quantity) {
        AddLicensesResult a;
        try {
          a = add_licenses(catalog, {contract, step.quantity - quantity, step.date});
        } catch (const Error& e) {
          rethrow_at(e, path);
        }
        c.lines.push_back(a.charge);
      } else {
        ChangeResult ch;
        try {
          ch = change(catalog, {contract, step.plan, step.quantity, step.date});
        } catch (const Error& e) {
          rethrow_at(e, path);
        }
        if (ch.effect != ChangeEffect::immediate) {
          fail("step_not_allowed",
               "the change policy makes this change " + std::string(to_string(ch.effect)) +
                   ": not possible on " + format_date(step.date) + ", earliest on " + format_date(end),
               path + "/date",
               {arg("effect", to_string(ch.effect)), arg("date", format_date(step.date)),
                arg("earliest", format_date(end))});
        }
        c.lines.push_back(*ch.credit);
        c.lines.push_back(*ch.charge);
        if (ch.new_term) {
          // Another billing length: a new run of terms starts on the step's date.
          anchor = step.date;
          k = 1;
          term_start = step.date;
          end = ch.new_term_end;
          c.end = end;
          c.explanation.args.back().second = end;  // term_end: the new term's
        }
      }
      finish(catalog, c, purchase.negotiated);
      out.charges.push_back(std::move(c));
      plan = step.plan;
      quantity = step.quantity;
      ++s;
    }
  }
  // Steps left over: the plan's periods ended before them (a trial is never renewed).
  if (s < steps.size()) {
    const ProposalStep& step = steps[s];
    fail("step_not_allowed",
         "plan " + excerpt(plan->id) + " has no period on " + format_date(step.date) + ": a trial is never renewed",
         step_path(index, s) + "/date",
         {arg("effect", "trial_ends"), arg("date", format_date(step.date)), arg("earliest", std::string())});
  }
}

// A product item: the purchase and the on-time renewals of its support.
void price_product_item(const Catalog& catalog, const ProposalRequest& r, std::size_t index, Date horizon_end,
                        ProposalItemResult& out) {
  const ProposalItem& item = *out.item;
  const Product& product = *item.product;
  std::vector<Discount> negotiated = negotiated_for(r, item);
  std::string date_path = item_path(index) + "/date";
  const DatedAmount& list = list_price_on(product, item.date, date_path.c_str());
  ProposalCharge purchase;
  purchase.kind = "purchase";
  purchase.date = item.date;
  Money amount = multiply(list.amount, item.quantity);
  std::optional<Date> support_end;
  if (product.included_support_months) {
    support_end = add_months_clamped(item.date, *product.included_support_months);
    purchase.end = support_end;
  }
  purchase.explanation = {"proposal.purchase",
                          {{"product", product.id},
                           {"quantity", item.quantity},
                           {"date", item.date},
                           {"support_months", static_cast<std::int64_t>(product.included_support_months.value_or(0))},
                           {"support_end", support_end ? ExplanationArg(*support_end) : ExplanationArg(std::string())}}};
  purchase.lines.push_back({"purchase", item.quantity, list.amount, amount,
                            {"proposal.list_price",
                             {{"product", product.id},
                              {"quantity", item.quantity},
                              {"list_price", list.amount},
                              {"list_price_from", list.from},
                              {"amount", amount}}}});
  finish(catalog, purchase, negotiated);
  out.charges.push_back(std::move(purchase));
  // Each renewal on the day support ends, as renew prices it, while within the horizon.
  while (support_end && *support_end < horizon_end) {
    RenewResult renewal;
    try {
      renewal = renew(catalog, {nullptr, &product, item.quantity, *support_end, *support_end});
    } catch (const Error& e) {
      throw Error(e.code(), e.message(), date_path, e.source(), e.args());
    }
    ProposalCharge c;
    c.kind = "renewal";
    c.date = *support_end;
    c.end = renewal.term_end;
    c.explanation = {"proposal.renewal",
                     {{"product", product.id},
                      {"quantity", item.quantity},
                      {"window", renewal.windows[static_cast<std::size_t>(renewal.window)].window->id},
                      {"start", renewal.term_start},
                      {"end", renewal.term_end}}};
    c.lines.push_back(renewal.line);
    finish(catalog, c, negotiated);
    out.charges.push_back(std::move(c));
    if (!(*support_end < renewal.term_end)) break;  // a term of no length would never end
    support_end = renewal.term_end;
  }
}

void price_service_item(const Catalog& catalog, const ProposalRequest& r, ProposalItemResult& out) {
  const ProposalItem& item = *out.item;
  MonthlyUsage work = hourly_month(*item.service, item.minutes, catalog.rounding);
  ProposalCharge c;
  c.kind = "service";
  c.date = item.date;
  c.explanation = {"proposal.service_charge", {{"service", item.service->id}, {"date", item.date}}};
  Explanation e = work.explanation;
  e.key = "proposal.service";
  c.lines.push_back({"service", work.quantity, item.service->rate_per_hour, work.amount, std::move(e)});
  finish(catalog, c, negotiated_for(r, item));
  out.charges.push_back(std::move(c));
}

int year_of(Date d) { return std::stoi(format_date(d).substr(0, 4)); }

void add_to(ProposalTotal& t, const ProposalCharge& c) {
  t.net = add(t.net, c.net);
  if (c.tax) t.tax = add(t.tax, c.tax->amount);
  t.total = add(t.total, c.total);
}

// The terms of one item, from the policies that govern it.
std::vector<Explanation> terms_of(const Catalog& catalog, const ProposalItem& item) {
  std::vector<Explanation> t;
  if (item.kind == ProposalItem::Kind::service) {
    const HourlyService& s = *item.service;
    t.push_back({"terms.service_increments",
                 {{"service", s.id},
                  {"rate", s.rate_per_hour},
                  {"increment_minutes", static_cast<std::int64_t>(s.increment_minutes)}}});
    if (s.minimum_minutes > 0) {
      t.push_back({"terms.service_minimum",
                   {{"service", s.id}, {"minimum_minutes", static_cast<std::int64_t>(s.minimum_minutes)}}});
    }
    return t;
  }
  const Policies& p = item.kind == ProposalItem::Kind::plan ? item.plan->policies : catalog.policies;
  if (item.kind == ProposalItem::Kind::product && item.product->included_support_months) {
    t.push_back({"terms.included_support",
                 {{"product", item.product->id},
                  {"months", static_cast<std::int64_t>(*item.product->included_support_months)}}});
  }
  int term = item.kind == ProposalItem::Kind::plan ? item.plan->billing_months : p.renewal.term_months;
  t.push_back({p.renewal.auto_renew ? "terms.renewal_auto" : "terms.renewal_manual",
               {{"term_months", static_cast<std::int64_t>(term)}}});
  for (const RenewalWindow& w : p.renewal.windows) {
    bool previous = w.anchor == TermAnchor::previous_end;
    if (w.months_after_end) {
      t.push_back({previous ? "terms.window_until_previous_end" : "terms.window_until_activation",
                   {{"window", w.id}, {"months", static_cast<std::int64_t>(*w.months_after_end)}, {"rate", w.rate}}});
    } else {
      t.push_back({previous ? "terms.window_later_previous_end" : "terms.window_later_activation",
                   {{"window", w.id}, {"rate", w.rate}}});
    }
  }
  if (p.renewal.vendor_notice_months) {
    t.push_back({"terms.vendor_notice", {{"months", static_cast<std::int64_t>(*p.renewal.vendor_notice_months)}}});
  }
  if (item.kind == ProposalItem::Kind::plan) {
    for (const ChangeCase& k : p.change.cases) {
      std::string direction = k.direction ? to_string(*k.direction) : "any";
      t.push_back({std::string_view(k.effect == ChangeEffect::immediate
                                        ? "terms.change_immediate"
                                        : (k.effect == ChangeEffect::end_of_term ? "terms.change_end_of_term"
                                                                                  : "terms.change_not_allowed")),
                   {{"direction", direction},
                    {"from_tier", k.from_tier ? catalog.tiers[static_cast<std::size_t>(*k.from_tier)].id : ""},
                    {"to_tier", k.to_tier ? catalog.tiers[static_cast<std::size_t>(*k.to_tier)].id : ""},
                    {"basis", std::string(to_string(p.change.basis))}}});
    }
    t.push_back({p.change.default_effect == ChangeEffect::immediate
                     ? "terms.change_immediate"
                     : (p.change.default_effect == ChangeEffect::end_of_term ? "terms.change_end_of_term"
                                                                            : "terms.change_not_allowed"),
                 {{"direction", std::string("other")},
                  {"from_tier", std::string()},
                  {"to_tier", std::string()},
                  {"basis", std::string(to_string(p.change.basis))}}});
    const CancellationPolicy& c = p.cancellation;
    t.push_back({c.refund == Refund::prorated ? "terms.refund_prorated" : "terms.refund_none", {}});
    t.push_back({c.effective == CancelEffective::end_of_month ? "terms.cancel_end_of_month"
                                                                : "terms.cancel_end_of_term",
                 {}});
    if (c.notice == CustomerNotice::days_before_end) {
      t.push_back({"terms.cancel_notice_days", {{"days", static_cast<std::int64_t>(c.notice_days)}}});
    }
    if (p.lapse.add_licenses_requires_active_support) t.push_back({"terms.add_licenses_need_support", {}});
  }
  if (p.lapse.software_keeps_working && !p.lapse.updates_continue) t.push_back({"terms.lapse_updates_stop", {}});
  if (p.lapse.gap_updates_granted) t.push_back({"terms.gap_updates_granted", {}});
  return t;
}

// A comparable text of a list of explanations (for grouping items with the same terms).
std::string signature(const std::vector<Explanation>& terms) {
  std::string s;
  for (const Explanation& e : terms) {
    s += e.key;
    for (const auto& [name, value] : e.args) {
      s += '|';
      s += name;
      s += '=';
      if (const auto* text = std::get_if<std::string>(&value)) s += *text;
      if (const auto* n = std::get_if<std::int64_t>(&value)) s += std::to_string(*n);
      if (const auto* m = std::get_if<Money>(&value)) s += std::to_string(m->minor());
      if (const auto* d = std::get_if<Date>(&value)) s += std::to_string(d->days());
      if (const auto* r = std::get_if<Rate>(&value)) s += std::to_string(r->micro_percent());
    }
    s += '\n';
  }
  return s;
}

}  // namespace

Rate combined_rate(Rate a, Rate b) {
  const Int128 scale = 100 * static_cast<Int128>(Rate::kScale);  // 100 % in millionths
  Int128 product = static_cast<Int128>(a.micro_percent()) * b.micro_percent();
  Int128 sum = static_cast<Int128>(a.micro_percent()) + b.micro_percent();
  // a·b/100 rounded down, so the combination is rounded up: never below what
  // the customer gets.
  Int128 combined = sum - product / scale;
  return Rate::from_micro_percent(static_cast<std::int64_t>(combined));
}

Proposal price_proposal(const Catalog& catalog, const ProposalRequest& r) {
  if (r.items.empty()) fail("no_items", "a proposal needs at least one item", "/items");
  Proposal p;
  p.valid_until = add_days(r.issued, r.valid_days);
  p.horizon_end = add_months_clamped(r.start, r.horizon_months);
  p.id = "P-" + fnv1a64_hex(catalog.fingerprint + "\n" + r.canonical_request).substr(0, 12);

  // Dates and steps, checked before anything is priced.
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    const ProposalItem& item = r.items[i];
    if (item.date < r.start) {
      fail("date_before_start",
           "the item's date " + format_date(item.date) + " is before the proposal's start " + format_date(r.start),
           item_path(i) + "/date", {arg("date", format_date(item.date)), arg("start", format_date(r.start))});
    }
    if (!(item.date < p.horizon_end)) {
      fail("date_after_horizon",
           "the item's date " + format_date(item.date) + " is not before the horizon's end " +
               format_date(p.horizon_end),
           item_path(i) + "/date", {arg("date", format_date(item.date)), arg("horizon_end", format_date(p.horizon_end))});
    }
    for (std::size_t s = 0; s < item.steps.size(); ++s) {
      const ProposalStep& step = item.steps[s];
      std::string path = step_path(i, s) + "/date";
      if (!(item.date < step.date)) {
        fail("date_before_start",
             "the step on " + format_date(step.date) + " is not after the item's start " + format_date(item.date),
             path, {arg("date", format_date(step.date)), arg("start", format_date(item.date))});
      }
      if (s > 0 && !(item.steps[s - 1].date < step.date)) {
        fail("steps_not_increasing",
             "the step on " + format_date(step.date) + " is not after the step before it, on " +
                 format_date(item.steps[s - 1].date),
             path, {arg("date", format_date(step.date)), arg("previous", format_date(item.steps[s - 1].date))});
      }
      if (!(step.date < p.horizon_end)) {
        fail("date_after_horizon",
             "the step on " + format_date(step.date) + " is not before the horizon's end " + format_date(p.horizon_end),
             path, {arg("date", format_date(step.date)), arg("horizon_end", format_date(p.horizon_end))});
      }
    }
  }

  // Approval: the largest negotiated discount of any item against the limit.
  bool any_negotiated = false;
  for (const ProposalItem& item : r.items) {
    Rate own = item.discount ? item.discount->rate : Rate::from_micro_percent(0);
    Rate wide = r.discount ? r.discount->rate : Rate::from_micro_percent(0);
    Rate asked = combined_rate(own, wide);
    if (asked.micro_percent() > 0) any_negotiated = true;
    if (asked.micro_percent() > p.approval.asked.micro_percent()) p.approval.asked = asked;
  }
  if (catalog.sales) p.approval.limit = catalog.sales->max_discount_percent;
  if (!any_negotiated) {
    p.approval.explanation = {"proposal.no_negotiated_discount", {}};
  } else if (!p.approval.limit) {
    p.approval.required = true;
    p.approval.explanation = {"proposal.approval_no_limit", {{"asked", p.approval.asked}}};
  } else {
    p.approval.required = p.approval.asked.micro_percent() > p.approval.limit->micro_percent();
    p.approval.explanation = {p.approval.required ? "proposal.approval_required" : "proposal.approval_within",
                              {{"asked", p.approval.asked}, {"limit", *p.approval.limit}}};
  }

  // The items, each priced as its own operation prices it.
  p.items.reserve(r.items.size());
  std::size_t charges = 0;
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    ProposalItemResult& out = p.items.emplace_back();
    out.item = &r.items[i];
    switch (out.item->kind) {
      case ProposalItem::Kind::plan:
        price_plan_item(catalog, r, i, p.horizon_end, out);
        break;
      case ProposalItem::Kind::product:
        price_product_item(catalog, r, i, p.horizon_end, out);
        break;
      case ProposalItem::Kind::service:
        price_service_item(catalog, r, out);
        break;
    }
    charges += out.charges.size();
    if (charges > kMaxCharges) {
      fail("too_many_items",
           "a proposal has at most " + std::to_string(kMaxCharges) +
               " dated charges; shorten the horizon or use fewer monthly items",
           "/items", {arg("max", static_cast<std::int64_t>(kMaxCharges))});
    }
    std::stable_sort(out.charges.begin(), out.charges.end(),
                     [](const ProposalCharge& a, const ProposalCharge& b) { return a.date < b.date; });
    for (const ProposalCharge& c : out.charges) {
      out.net = add(out.net, c.net);
      if (c.tax) out.tax = add(out.tax, c.tax->amount);
      out.total = add(out.total, c.total);
    }
  }

  // Proposal years from the start (the last one ends with the horizon).
  for (int y = 0; y * 12 < r.horizon_months; ++y) {
    ProposalTotal t;
    t.year = y + 1;
    t.start = add_months_clamped(r.start, 12 * y);
    t.end = std::min(add_months_clamped(r.start, 12 * (y + 1)), p.horizon_end);
    p.years.push_back(t);
  }
  std::map<int, ProposalTotal> calendar;
  for (const ProposalItemResult& item : p.items) {
    for (const ProposalCharge& c : item.charges) {
      for (ProposalTotal& t : p.years) {
        if (!(c.date < t.start) && c.date < t.end) add_to(t, c);
      }
      int year = year_of(c.date);
      ProposalTotal& t = calendar[year];
      t.year = year;
      add_to(t, c);
    }
    p.net = add(p.net, item.net);
    p.tax = add(p.tax, item.tax);
    p.total = add(p.total, item.total);
  }
  for (auto& [year, t] : calendar) {
    t.start = std::max(r.start, parse_date(std::to_string(year) + "-01-01", ""));
    t.end = year < kMaxYear ? std::min(p.horizon_end, parse_date(std::to_string(year + 1) + "-01-01", ""))
                            : p.horizon_end;
    p.calendar_years.push_back(t);
  }

  // Terms: items governed by the same words share one group.
  std::vector<std::string> signatures;
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    std::vector<Explanation> terms = terms_of(catalog, r.items[i]);
    std::string sig = signature(terms);
    auto it = std::find(signatures.begin(), signatures.end(), sig);
    if (it == signatures.end()) {
      signatures.push_back(sig);
      p.terms.push_back({{static_cast<int>(i)}, std::move(terms)});
    } else {
      p.terms[static_cast<std::size_t>(it - signatures.begin())].items.push_back(static_cast<int>(i));
    }
  }
  return p;
}

}  // namespace plancalc
