#include "plancalc/compare.hpp"

#include <algorithm>

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
  return c;
}

}  // namespace plancalc
