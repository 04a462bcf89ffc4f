#include "plancalc/pricing/compare.hpp"

#include <algorithm>
#include <optional>

namespace plancalc {
namespace {

bool priced(const CompareRow& row) { return row.quote.has_value(); }

Money horizon_total(const CompareRow& row) { return row.quote->horizon_total; }

void rank_rows(std::vector<CompareRow>& rows) {
  std::vector<CompareRow*> order;
  for (CompareRow& row : rows) {
    if (priced(row)) order.push_back(&row);
  }
  std::stable_sort(order.begin(), order.end(), [](const CompareRow* a, const CompareRow* b) {
    return horizon_total(*a) < horizon_total(*b);
  });
  // Competition ranking: equal totals share a rank (1, 1, 3).
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i]->rank = (i > 0 && horizon_total(*order[i]) == horizon_total(*order[i - 1]))
                         ? order[i - 1]->rank
                         : static_cast<int>(i) + 1;
  }
}

void explain_cheapest(Comparison& c, int horizon_months) {
  const CompareRow* best = nullptr;
  const CompareRow* next = nullptr;
  for (const CompareRow& row : c.rows) {
    if (!priced(row)) continue;
    if (!best || horizon_total(row) < horizon_total(*best)) {
      next = best;
      best = &row;
    } else if (!next || horizon_total(row) < horizon_total(*next)) {
      next = &row;
    }
  }
  c.cheapest = best;
  if (!best) return;
  if (!next) {
    c.cheapest_explanation = {"compare.only_plan",
                              {{"plan", best->plan->id},
                               {"months", static_cast<std::int64_t>(horizon_months)}}};
    return;
  }
  c.cheapest_explanation = {
      "compare.cheapest",
      {{"plan", best->plan->id},
       {"horizon_total", horizon_total(*best)},
       {"months", static_cast<std::int64_t>(horizon_months)},
       {"next_plan", next->plan->id},
       {"next_total", horizon_total(*next)},
       {"difference", subtract(horizon_total(*next), horizon_total(*best))}}};
}

std::int64_t percent_tenths(Money part, Money whole) {
  if (whole.minor() == 0) return 0;
  Int128 n = static_cast<Int128>(part.minor()) * 1000;
  Int128 d = whole.minor();
  bool negative = (n < 0) != (d < 0);
  if (n < 0) n = -n;
  if (d < 0) d = -d;
  Int128 q = (2 * n + d) / (2 * d);  // half up on the magnitude
  return static_cast<std::int64_t>(negative ? -q : q);
}

void find_savings(const Catalog& catalog, Comparison& c) {
  for (int tier : tiers_by_rank(catalog)) {
    const CompareRow* shortest = nullptr;
    for (const CompareRow& row : c.rows) {
      if (priced(row) && row.plan->tier == tier &&
          (!shortest || row.plan->billing_months < shortest->plan->billing_months)) {
        shortest = &row;
      }
    }
    if (!shortest) continue;
    int short_months = shortest->plan->billing_months;
    for (const CompareRow& row : c.rows) {
      int months = row.plan->billing_months;
      if (!priced(row) || row.plan->tier != tier || months <= short_months ||
          months % short_months != 0) {
        continue;
      }
      Saving s;
      s.tier = &catalog.tiers[static_cast<std::size_t>(tier)];
      s.shorter = shortest->plan;
      s.longer = row.plan;
      s.months = months;
      s.shorter_cost = multiply(shortest->quote->first().priced.total, months / short_months);
      s.longer_cost = row.quote->first().priced.total;
      s.saving = subtract(s.shorter_cost, s.longer_cost);
      s.permille = percent_tenths(s.saving, s.shorter_cost);
      s.explanation = {"savings.longer_period",
                       {{"shorter_plan", s.shorter->id},
                        {"longer_plan", s.longer->id},
                        {"months", static_cast<std::int64_t>(months)},
                        {"shorter_cost", s.shorter_cost},
                        {"longer_cost", s.longer_cost},
                        {"saving", s.saving},
                        {"percent", format_permille(s.permille)}}};
      c.savings.push_back(std::move(s));
    }
  }
}

// The first period's total at a usage level, or none when the plan cannot
// serve it (usage_not_covered and the like).
std::optional<Money> period_total_at(const Catalog& catalog, const Plan& plan, const CompareRequest& request,
                                     const std::string& key, std::int64_t usage) {
  Purchase purchase = request.purchase;
  for (auto& [k, v] : purchase.usage) {
    if (k == key) v = usage;
  }
  try {
    return price_charge(catalog, plan, request.quantity, request.start, purchase).total;
  } catch (const Error&) {
    return std::nullopt;
  }
}

void find_break_evens(const Catalog& catalog, const CompareRequest& request, Comparison& c) {
  for (const auto& [key, expected] : request.purchase.usage) {
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
      const CompareRow& low = c.rows[i];
      if (!priced(low) || !find_allowance(*low.plan, key)) continue;
      // The next tier up with the same billing period.
      const CompareRow* high = nullptr;
      for (std::size_t j = i + 1; j < c.rows.size() && !high; ++j) {
        const CompareRow& r = c.rows[j];
        if (r.plan->billing_months == low.plan->billing_months && r.plan->tier != low.plan->tier) high = &r;
      }
      if (!high || !find_allowance(*high->plan, key)) continue;
      const Allowance& a = *find_allowance(*low.plan, key);
      std::int64_t limit = std::min<std::int64_t>(
          10000, std::max<std::int64_t>({100, 4 * expected, 4 * find_allowance(*high->plan, key)->included}));
      for (std::int64_t u = 1; u <= limit; ++u) {
        std::optional<Money> lo = period_total_at(catalog, *low.plan, request, key, u);
        std::optional<Money> hi = period_total_at(catalog, *high->plan, request, key, u);
        if (!hi) break;  // the higher tier cannot serve more either
        if (lo && !(*hi < *lo)) continue;
        BreakEven b{low.plan, high->plan, key, a.unit, u, lo ? *lo : Money::zero(), *hi, {}};
        b.explanation = {lo ? "compare.break_even" : "compare.break_even_not_covered",
                         {{"lower_plan", low.plan->id},
                          {"higher_plan", high->plan->id},
                          {"allowance", key},
                          {"unit", a.unit},
                          {"usage", u},
                          {"lower_cost", b.lower_cost},
                          {"higher_cost", b.higher_cost}}};
        c.break_evens.push_back(std::move(b));
        break;
      }
    }
  }
}

// The plan lines of a row's first period, per month, as a fraction's numerator
// over the plan's billing months (compared by cross-multiplying).
Int128 plan_price(const CompareRow& row) {
  Int128 sum = 0;
  for (const Line& l : row.quote->first().priced.lines) {
    if (l.kind == "plan") sum += l.amount.minor();
  }
  return sum;
}

// Plans that list cheaper than the cheapest but lose because of the extra
// units their allowance does not cover.
void explain_usage(Comparison& c, int horizon_months) {
  if (!c.cheapest) return;
  const CompareRow& best = *c.cheapest;
  for (const CompareRow& row : c.rows) {
    if (!priced(row) || &row == c.cheapest) continue;
    if (!(plan_price(row) * best.plan->billing_months < plan_price(best) * row.plan->billing_months)) continue;
    for (const Line& l : row.quote->first().priced.lines) {
      if (l.kind != "usage" || l.amount == Money::zero() || l.explanation.key.rfind("usage.overage", 0) != 0) continue;
      std::int64_t extra = 0;
      std::string unit;
      for (const auto& [name, value] : l.explanation.args) {
        if (name == "extra") extra = std::get<std::int64_t>(value);
        if (name == "unit") unit = std::get<std::string>(value);
      }
      c.reasons.push_back({"compare.usage_costs_more",
                           {{"plan", row.plan->id},
                            {"extra", extra},
                            {"unit", unit},
                            {"total", horizon_total(row)},
                            {"months", static_cast<std::int64_t>(horizon_months)},
                            {"cheapest_plan", c.cheapest->plan->id},
                            {"cheapest_total", horizon_total(*c.cheapest)}}});
      break;
    }
  }
}

// Each row checked against the needs, and the recommendation among them.
void recommend_for_needs(const Catalog& catalog, const Needs& needs, int horizon_months, Comparison& c) {
  NeedsOutcome out;
  for (CompareRow& row : c.rows) {
    row.needs = check_needs(catalog, catalog.tiers[static_cast<std::size_t>(row.plan->tier)], needs);
    if (priced(row)) {
      if (row.needs->meets && (!out.recommended || horizon_total(row) < horizon_total(*out.recommended))) {
        out.recommended = &row;
      }
      auto missed = [](const CompareRow& r) { return r.needs->missed.size(); };
      if (!out.closest || missed(row) < missed(*out.closest) ||
          (missed(row) == missed(*out.closest) && horizon_total(row) < horizon_total(*out.closest))) {
        out.closest = &row;
      }
    } else if (row.error && row.error->code() == "price_on_request") {
      out.on_request.push_back(&row);
    }
  }
  const auto months = static_cast<std::int64_t>(horizon_months);
  if (out.recommended) {
    out.closest = nullptr;
    out.on_request.clear();
    const CompareRow& best = *out.recommended;
    if (c.cheapest && horizon_total(*c.cheapest) < horizon_total(best)) {
      out.explanation = {"compare.best_for_needs",
                         {{"plan", best.plan->id},
                          {"horizon_total", horizon_total(best)},
                          {"months", months},
                          {"cheapest_plan", c.cheapest->plan->id},
                          {"cheapest_total", horizon_total(*c.cheapest)},
                          {"difference", subtract(horizon_total(best), horizon_total(*c.cheapest))}}};
      out.because = c.cheapest->needs->missed;
    } else {
      out.explanation = {"compare.cheapest_meets_needs",
                         {{"plan", best.plan->id}, {"horizon_total", horizon_total(best)}, {"months", months}}};
    }
  } else if (out.closest) {
    out.explanation = {"compare.no_plan_meets_needs",
                       {{"closest_plan", out.closest->plan->id},
                        {"missed", static_cast<std::int64_t>(out.closest->needs->missed.size())}}};
  }
  c.needs = std::move(out);
}

}  // namespace

std::vector<int> tiers_by_rank(const Catalog& catalog) {
  std::vector<int> order;
  for (std::size_t i = 0; i < catalog.tiers.size(); ++i) order.push_back(static_cast<int>(i));
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return catalog.tiers[static_cast<std::size_t>(a)].rank <
           catalog.tiers[static_cast<std::size_t>(b)].rank;
  });
  return order;
}

std::vector<FeatureRow> feature_matrix(const Catalog& catalog) {
  std::vector<FeatureRow> rows;
  for (int t : tiers_by_rank(catalog)) {
    for (const Feature& f : catalog.tiers[static_cast<std::size_t>(t)].features) {
      auto it = std::find_if(rows.begin(), rows.end(),
                             [&](const FeatureRow& r) { return r.feature->id == f.id; });
      if (it == rows.end()) {
        rows.push_back({&f, std::vector<bool>(catalog.tiers.size(), false)});
        it = rows.end() - 1;
      }
      it->in_tier[static_cast<std::size_t>(t)] = true;
    }
  }
  return rows;
}

std::string format_permille(std::int64_t permille) {
  std::int64_t magnitude = permille < 0 ? -permille : permille;
  return (permille < 0 ? "-" : "") + std::to_string(magnitude / 10) + "." +
         std::to_string(magnitude % 10);
}

Comparison compare(const Catalog& catalog, const CompareRequest& request) {
  Comparison c;
  c.horizon_end = add_months_clamped(request.start, request.horizon_months);
  for (const Plan* plan : request.plans) {
    CompareRow row;
    row.plan = plan;
    try {
      row.quote = quote(catalog, {plan, request.quantity, request.start, request.horizon_months, request.purchase});
    } catch (const Error& e) {
      row.error = e;
    }
    c.rows.push_back(std::move(row));
  }
  std::stable_sort(c.rows.begin(), c.rows.end(), [&](const CompareRow& a, const CompareRow& b) {
    int ra = catalog.tiers[static_cast<std::size_t>(a.plan->tier)].rank;
    int rb = catalog.tiers[static_cast<std::size_t>(b.plan->tier)].rank;
    if (ra != rb) return ra < rb;
    return a.plan->billing_months < b.plan->billing_months;
  });
  rank_rows(c.rows);
  explain_cheapest(c, request.horizon_months);
  find_savings(catalog, c);
  find_break_evens(catalog, request, c);
  explain_usage(c, request.horizon_months);
  if (request.needs) recommend_for_needs(catalog, *request.needs, request.horizon_months, c);
  return c;
}

}  // namespace plancalc
