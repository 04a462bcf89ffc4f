// Property tests (RapidCheck): invariants checked on thousands of generated
// cases each. The number of cases comes from RC_PARAMS (default below:
// max_success=2000); a failure prints the shrunk counterexample and the seed
// to reproduce it (RC_PARAMS="seed=...").
//
// Properties of the life cycle and the SLA that the issue lists and that are
// checked here through the JSON api (so they hold for what users see):
//   - prorations of a term split at any day sum to the whole within one
//     increment per split;
//   - a plan changed to itself: credit and charge net to zero;
//   - an upgrade's credit never exceeds what was paid for the term;
//   - a renewal's new term starts where support ended (previous_end anchor)
//     or on the renewal date (activation), never earlier, and a gap is
//     reported exactly when the new term leaves one.
//   - SLA due moments are monotone in the opening moment (and never before
//     it), on the business calendars of tests/golden/catalogs/sla-calendars.json.
#if PLANCALC_HAVE_RAPIDCHECK

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "plancalc/api/api.hpp"
#include "plancalc/calendar/calendar.hpp"
#include "plancalc/catalog/catalog.hpp"
#include "plancalc/pricing/compare.hpp"
#include "plancalc/error/error.hpp"
#include "plancalc/money/money.hpp"
#include "plancalc/pricing/pricing.hpp"
#include "plancalc/contract/proration.hpp"
#include "plancalc/pricing/quote.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc {
namespace {

// Thousands of cases per property unless RC_PARAMS says otherwise. Runs
// before main(), so before RapidCheck reads its configuration.
const bool kDefaultParams = [] {
  setenv("RC_PARAMS", "max_success=2000", /*overwrite=*/0);
  return true;
}();

const Currency& currency(const char* code) { return *find_currency(code); }

// A currency of each exponent: 0 (JPY), 2 (EUR), 3 (KWD).
const Currency& any_currency() {
  return *(*rc::gen::element(find_currency("JPY"), find_currency("EUR"), find_currency("KWD")));
}

RoundingMode any_mode() {
  return *rc::gen::element(RoundingMode::half_up, RoundingMode::half_even, RoundingMode::up,
                           RoundingMode::down);
}

std::int64_t any_increment() {
  return *rc::gen::element<std::int64_t>(1, 1, 5, 10, 25, 50, 100, 1000);
}

Int128 abs128(Int128 v) { return v < 0 ? -v : v; }

// A catalog of one EUR plan per price given, built field by field.
Catalog catalog_of(const std::vector<std::pair<Price, int>>& prices) {
  Catalog c;
  c.vendor.id = "props";
  c.currency = find_currency("EUR");
  c.rounding = {RoundingMode::half_up, 1};
  Tier tier;
  tier.id = "basic";
  tier.rank = 1;
  c.tiers.push_back(tier);
  for (std::size_t i = 0; i < prices.size(); ++i) {
    Plan p;
    p.id = "plan-" + std::to_string(i);
    p.tier = 0;
    p.billing_months = prices[i].second;
    p.prices.push_back({std::nullopt, prices[i].first});
    c.plans.push_back(std::move(p));
  }
  return c;
}

Money total_for(const Catalog& c, std::int64_t quantity, std::size_t plan = 0) {
  return price_period(c, c.plans[plan], quantity, parse_date("2026-01-01", "")).total;
}

// Bands with ascending bounds; unit amounts non-increasing when `falling`.
std::vector<Band> any_bands(bool falling) {
  int count = *rc::gen::inRange(1, 6);
  std::vector<Band> bands;
  std::int64_t bound = 0;
  std::int64_t amount = *rc::gen::inRange<std::int64_t>(0, 100'000);
  for (int i = 0; i < count; ++i) {
    Band b;
    if (i + 1 < count) {
      bound += *rc::gen::inRange<std::int64_t>(1, 200);
      b.up_to = bound;
    }
    b.unit_amount = Money::from_minor(amount);
    bands.push_back(b);
    amount = falling ? amount - *rc::gen::inRange<std::int64_t>(0, amount + 1)
                     : *rc::gen::inRange<std::int64_t>(0, 100'000);
  }
  return bands;
}

Price banded(PriceModel model, std::vector<Band> bands) {
  Price p;
  p.model = model;
  p.bands = std::move(bands);
  return p;
}

Date any_date(int from_year = 1950, int to_year = 2900) {
  int y = *rc::gen::inRange(from_year, to_year + 1);
  int m = *rc::gen::inRange(1, 13);
  int d = *rc::gen::inRange(1, 32);
  Date out = Date::from_days(0);
  while (!try_parse_date(std::to_string(y) + "-" + (m < 10 ? "0" : "") + std::to_string(m) + "-" +
                             (d < 10 ? "0" : "") + std::to_string(d),
                         out)) {
    --d;  // 31 April -> 30 April, 30 February -> 28/29 February
  }
  return out;
}

// --- money ---------------------------------------------------------------------

RC_GTEST_PROP(properties, money_format_then_parse_round_trips, ()) {
  const Currency& cur = any_currency();
  auto minor = *rc::gen::oneOf(rc::gen::inRange(std::numeric_limits<std::int64_t>::min() + 1,
                                                std::numeric_limits<std::int64_t>::max()),
                               rc::gen::inRange<std::int64_t>(-100'000, 100'000));
  Money m = Money::from_minor(minor);
  RC_ASSERT(parse_amount(format_amount(m, cur), cur, "", /*allow_negative=*/true).minor() == m.minor());
}

RC_GTEST_PROP(properties, money_parse_then_format_pads_to_the_exponent, ()) {
  const Currency& cur = any_currency();
  // A canonical decimal: no leading zeros, 0..exponent decimals.
  std::string whole = std::to_string(*rc::gen::inRange<std::int64_t>(0, 9'000'000'000'000));
  int decimals = *rc::gen::inRange(0, cur.exponent + 1);
  std::string frac;
  for (int i = 0; i < decimals; ++i) frac += static_cast<char>('0' + *rc::gen::inRange(0, 10));
  std::string text = whole + (decimals ? "." + frac : "");
  std::string expected = whole + (cur.exponent ? "." + frac + std::string(cur.exponent - decimals, '0') : "");
  RC_ASSERT(format_amount(parse_amount(text, cur, ""), cur) == expected);
}

RC_GTEST_PROP(properties, money_rejects_more_decimals_than_the_currency_has, ()) {
  const Currency& cur = any_currency();
  std::string text = std::to_string(*rc::gen::inRange(0, 100000)) + "." +
                     std::string(static_cast<std::size_t>(cur.exponent) + 1, '5');
  try {
    parse_amount(text, cur, "/x");
    RC_FAIL("accepted " + text);
  } catch (const Error& e) {
    RC_ASSERT(e.code() == "too_many_decimals");
  }
}

// --- rounding ------------------------------------------------------------------

RC_GTEST_PROP(properties, rounding_lands_on_the_increment_within_one_increment, ()) {
  Rounding r{any_mode(), any_increment()};
  Int128 n = *rc::gen::inRange<std::int64_t>(-(std::int64_t{1} << 62), std::int64_t{1} << 62);
  Int128 d = *rc::gen::oneOf(rc::gen::inRange<std::int64_t>(1, 1000),
                             rc::gen::inRange<std::int64_t>(1, 1'000'000'000'000));
  Money m = round_quotient(n, d, r);
  RC_ASSERT(m.minor() % r.increment_minor == 0);
  Int128 error = static_cast<Int128>(m.minor()) * d - n;  // (rounded − exact) × d
  RC_ASSERT(abs128(error) < static_cast<Int128>(r.increment_minor) * d);
  bool away = abs128(static_cast<Int128>(m.minor()) * d) >= abs128(n);
  bool towards = abs128(static_cast<Int128>(m.minor()) * d) <= abs128(n);
  switch (r.mode) {
    case RoundingMode::up:
      RC_ASSERT(away);
      break;
    case RoundingMode::down:
      RC_ASSERT(towards);
      break;
    case RoundingMode::half_up:
    case RoundingMode::half_even:
      RC_ASSERT(2 * abs128(error) <= static_cast<Int128>(r.increment_minor) * d);
      break;
  }
}

RC_GTEST_PROP(properties, a_rate_of_an_amount_is_within_one_increment_of_the_exact_product, ()) {
  Rounding r{any_mode(), any_increment()};
  Money amount = Money::from_minor(*rc::gen::inRange<std::int64_t>(-1'000'000'000'000, 1'000'000'000'000));
  Rate rate = Rate::from_micro_percent(*rc::gen::inRange<std::int64_t>(0, 1000 * Rate::kScale + 1));
  Money m = apply_rate(amount, rate, r);
  RC_ASSERT(m.minor() % r.increment_minor == 0);
  Int128 scale = static_cast<Int128>(100) * Rate::kScale;
  Int128 error = static_cast<Int128>(m.minor()) * scale - static_cast<Int128>(amount.minor()) * rate.micro_percent();
  RC_ASSERT(abs128(error) < static_cast<Int128>(r.increment_minor) * scale);
}

// --- price models ----------------------------------------------------------------

RC_GTEST_PROP(properties, graduated_is_at_least_volume_when_prices_fall_with_quantity, ()) {
  std::vector<Band> bands = any_bands(/*falling=*/true);
  Catalog c = catalog_of({{banded(PriceModel::graduated, bands), 1}, {banded(PriceModel::volume, bands), 1}});
  std::int64_t q = *rc::gen::inRange<std::int64_t>(1, 2000);
  RC_ASSERT(total_for(c, q, 0).minor() >= total_for(c, q, 1).minor());
}

RC_GTEST_PROP(properties, per_unit_graduated_and_package_totals_are_monotone_in_quantity, ()) {
  Price per_unit;
  per_unit.model = PriceModel::per_unit;
  per_unit.unit_amount = Money::from_minor(*rc::gen::inRange<std::int64_t>(0, 10'000'000));
  Price package;
  package.model = PriceModel::package;
  package.package_size = *rc::gen::inRange<std::int64_t>(1, 100);
  package.package_amount = Money::from_minor(*rc::gen::inRange<std::int64_t>(0, 10'000'000));
  Catalog c = catalog_of({{per_unit, 1},
                          {banded(PriceModel::graduated, any_bands(*rc::gen::arbitrary<bool>())), 1},
                          {package, 1}});
  std::int64_t q = *rc::gen::inRange<std::int64_t>(1, 5000);
  std::int64_t more = q + *rc::gen::inRange<std::int64_t>(1, 500);
  for (std::size_t plan = 0; plan < 3; ++plan) RC_ASSERT(total_for(c, q, plan).minor() <= total_for(c, more, plan).minor());
}

// Volume pricing is monotone inside a band; at a band boundary the total may
// drop (the "volume cliff": 10 × 10.00 = 100.00 but 11 × 8.00 = 88.00), so
// the property holds band by band.
RC_GTEST_PROP(properties, volume_totals_are_monotone_within_a_band, ()) {
  std::vector<Band> bands = any_bands(*rc::gen::arbitrary<bool>());
  Catalog c = catalog_of({{banded(PriceModel::volume, bands), 1}});
  std::size_t band = *rc::gen::inRange<std::size_t>(0, bands.size());
  std::int64_t lo = band == 0 ? 1 : *bands[band - 1].up_to + 1;
  std::int64_t hi = bands[band].up_to ? *bands[band].up_to : lo + 10'000;
  std::int64_t q = *rc::gen::inRange(lo, hi + 1);
  std::int64_t more = *rc::gen::inRange(q, hi + 1);
  RC_ASSERT(total_for(c, q).minor() <= total_for(c, more).minor());
}

// --- schedules -------------------------------------------------------------------

RC_GTEST_PROP(properties, schedules_are_contiguous_non_overlapping_and_anchored, ()) {
  int months = *rc::gen::element(1, 2, 3, 6, 12, 24, 36, *rc::gen::inRange(1, 121));
  Price flat;
  flat.model = PriceModel::flat;
  flat.amount = Money::from_minor(100);
  Catalog c = catalog_of({{flat, months}});
  Date start = any_date(1900, 2940);
  int horizon = *rc::gen::inRange(1, 601);
  QuoteRequest request;
  request.plan = &c.plans[0];
  request.start = start;
  request.horizon_months = horizon;
  Quote q = quote(c, request);
  RC_ASSERT(!q.schedule.empty());
  RC_ASSERT(q.schedule.front().start == start);
  for (std::size_t k = 0; k < q.schedule.size(); ++k) {
    const Charge& ch = q.schedule[k];
    RC_ASSERT(ch.start < ch.end);
    RC_ASSERT(ch.start == add_months_clamped(start, static_cast<int>(k) * months));
    RC_ASSERT(ch.end == add_months_clamped(start, static_cast<int>(k + 1) * months));
    RC_ASSERT(ch.start < q.horizon_end);
    if (k + 1 < q.schedule.size()) RC_ASSERT(ch.end == q.schedule[k + 1].start);
  }
  RC_ASSERT(!(q.covered_until() < q.horizon_end));
  RC_ASSERT(q.horizon_total.minor() == 100 * static_cast<std::int64_t>(q.schedule.size()));
}

// --- compare -----------------------------------------------------------------------

RC_GTEST_PROP(properties, compare_ranks_follow_horizon_totals, ()) {
  int plans = *rc::gen::inRange(1, 8);
  std::vector<std::pair<Price, int>> prices;
  for (int i = 0; i < plans; ++i) {
    Price p;
    p.model = PriceModel::per_unit;
    // Few distinct amounts, so ties happen.
    p.unit_amount = Money::from_minor(*rc::gen::element<std::int64_t>(100, 250, 1000, 1200, 0) *
                                      *rc::gen::inRange<std::int64_t>(1, 4));
    prices.push_back({p, *rc::gen::element(1, 3, 6, 12, 24)});
  }
  Catalog c = catalog_of(prices);
  CompareRequest request;
  for (const Plan& p : c.plans) request.plans.push_back(&p);
  request.quantity = *rc::gen::inRange<std::int64_t>(1, 100);
  request.start = any_date(2000, 2100);
  request.horizon_months = *rc::gen::inRange(1, 121);
  Comparison cmp = compare(c, request);
  RC_ASSERT(cmp.rows.size() == static_cast<std::size_t>(plans));
  RC_ASSERT(cmp.cheapest != nullptr);
  for (const CompareRow& a : cmp.rows) {
    RC_ASSERT(a.quote.has_value());
    RC_ASSERT(a.rank >= 1);
    RC_ASSERT(a.quote->horizon_total.minor() >= cmp.cheapest->quote->horizon_total.minor());
    int below = 0;
    for (const CompareRow& b : cmp.rows) {
      Money ta = a.quote->horizon_total, tb = b.quote->horizon_total;
      if (ta < tb) RC_ASSERT(a.rank < b.rank);
      if (ta == tb) RC_ASSERT(a.rank == b.rank);
      if (tb < ta) ++below;
    }
    RC_ASSERT(a.rank == below + 1);  // competition ranking: 1, 1, 3
  }
  RC_ASSERT(cmp.cheapest->rank == 1);
}

// --- proration -----------------------------------------------------------------------

RC_GTEST_PROP(properties, prorations_of_a_term_split_at_any_day_sum_to_the_whole, ()) {
  int months = *rc::gen::element(1, 3, 6, 12, 24);
  Date start = any_date(1950, 2800);
  Date end = add_months_clamped(start, months);
  ProrationBasis basis = *rc::gen::element(ProrationBasis::actual_days, ProrationBasis::thirty_day_months);
  Rounding r{any_mode(), any_increment()};
  // A price as catalogs hold it: a whole number of increments.
  Money amount = Money::from_minor(*rc::gen::inRange<std::int64_t>(0, 1'000'000'000) * r.increment_minor);
  // Split points inside the term, ascending: [start, s1), [s1, s2), ..., [sn, end).
  int splits = *rc::gen::inRange(1, 5);
  std::vector<Date> cuts;
  for (int i = 0; i < splits; ++i) {
    cuts.push_back(add_days(start, *rc::gen::inRange(1, days_between(start, end))));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.insert(cuts.begin(), start);
  cuts.push_back(end);
  // Part i covers [cut_i, cut_i+1): the days remaining at cut_i less those
  // remaining at cut_i+1; at the term's start the whole term remains.
  auto remaining = [&](std::size_t i) {
    ProrationDays d = proration_days(cuts[i], start, end, months, basis);
    return i == 0 ? d.term : d.remaining;
  };
  Money sum = Money::zero();
  int term = proration_days(start, start, end, months, basis).term;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    ProrationDays part{remaining(i) - remaining(i + 1), term};
    RC_ASSERT(part.remaining >= 0);
    sum = add(sum, prorate(amount, part, r));
  }
  Int128 diff = abs128(static_cast<Int128>(sum.minor()) - amount.minor());
  RC_ASSERT(diff <= static_cast<Int128>(r.increment_minor) * splits);
}

// --- the life cycle through the JSON api ---------------------------------------------------

nlohmann::json call(const api::Engine& engine, const char* op, const nlohmann::json& request) {
  return nlohmann::json::parse(engine.call(op, request.dump()));
}

// The engine's describe result, once per engine.
const nlohmann::json& described(const api::Engine& engine) {
  static std::map<const api::Engine*, nlohmann::json> cache;
  auto it = cache.find(&engine);
  if (it == cache.end()) it = cache.emplace(&engine, call(engine, "describe", nlohmann::json::object())["result"]).first;
  return it->second;
}

const api::Engine& shipped(const std::string& file) {
  static std::map<std::string, std::unique_ptr<api::Engine>> engines;
  auto& e = engines[file];
  if (!e) {
    std::ifstream in(std::string(PLANCALC_SOURCE_DIR) + "/plans/" + file);
    std::stringstream s;
    s << in.rdbuf();
    e = std::make_unique<api::Engine>(s.str());
  }
  return *e;
}

RC_GTEST_PROP(properties, a_plan_changed_to_itself_nets_to_zero, ()) {
  const api::Engine& engine = shipped(*rc::gen::element<std::string>("mailstore.json", "invex.json"));
  RC_PRE(engine.ok());
  auto plans = described(engine)["plans"];
  const auto& plan = plans[*rc::gen::inRange<std::size_t>(0, plans.size())];
  Date start = any_date(2021, 2030);
  std::int64_t quantity = *rc::gen::inRange<std::int64_t>(plan["min_quantity"].get<std::int64_t>(),
                                                          std::min<std::int64_t>(plan["max_quantity"].get<std::int64_t>(), 500) + 1);
  Date date = add_days(start, *rc::gen::inRange(0, 28 * plan["billing_months"].get<int>()));
  auto r = call(engine, "change", {{"plan", plan["id"]}, {"quantity", quantity}, {"start", format_date(start)},
                                   {"date", format_date(date)}, {"target", plan["id"]}});
  RC_PRE(r["ok"].get<bool>());  // e.g. support_inactive after a first term that does not renew
  const auto& result = r["result"];
  const Currency& cur = currency(described(engine)["currency"].get<std::string>().c_str());
  RC_ASSERT(parse_amount(result["net"].get<std::string>(), cur, "", true).minor() == 0);
  RC_ASSERT(result["credit"] == result["charge"]);
}

RC_GTEST_PROP(properties, an_upgrade_credit_never_exceeds_what_was_paid, ()) {
  const api::Engine& engine = shipped(*rc::gen::element<std::string>("mailstore.json", "invex.json"));
  RC_PRE(engine.ok());
  const nlohmann::json& info = described(engine);
  std::map<std::string, int> rank;
  for (const auto& t : info["tiers"]) rank[t["id"].get<std::string>()] = t["rank"].get<int>();
  std::vector<std::pair<nlohmann::json, nlohmann::json>> upgrades;
  for (const auto& a : info["plans"]) {
    for (const auto& b : info["plans"]) {
      if (rank[b["tier"].get<std::string>()] > rank[a["tier"].get<std::string>()]) upgrades.emplace_back(a, b);
    }
  }
  RC_PRE(!upgrades.empty());
  const auto& [from, to] = upgrades[*rc::gen::inRange<std::size_t>(0, upgrades.size())];
  Date start = any_date(2021, 2030);
  std::int64_t quantity = *rc::gen::inRange<std::int64_t>(from["min_quantity"].get<std::int64_t>(),
                                                          std::min<std::int64_t>(from["max_quantity"].get<std::int64_t>(), 500) + 1);
  Date date = add_days(start, *rc::gen::inRange(0, 28 * from["billing_months"].get<int>()));
  auto r = call(engine, "change", {{"plan", from["id"]}, {"quantity", quantity}, {"start", format_date(start)},
                                   {"date", format_date(date)}, {"target", to["id"]}});
  RC_PRE(r["ok"].get<bool>());
  const auto& result = r["result"];
  RC_PRE(result["effect"] == "immediate");
  // What was paid for the current term: the plan's price for the period it started in.
  auto paid = call(engine, "quote", {{"plan", from["id"]}, {"quantity", quantity},
                                     {"start", result["term"]["start"]}, {"horizon_months", 1}});
  RC_ASSERT(paid["ok"].get<bool>());
  const Currency& cur = currency(info["currency"].get<std::string>().c_str());
  Money credit = parse_amount(result["credit"].get<std::string>(), cur, "", true);
  Money paid_total = parse_amount(paid["result"]["first_period"]["total"].get<std::string>(), cur, "", true);
  RC_ASSERT(credit.minor() <= paid_total.minor());
  RC_ASSERT(credit.minor() >= 0);
}

RC_GTEST_PROP(properties, a_renewal_term_starts_at_the_old_end_or_the_renewal_date_with_the_gap_reported, ()) {
  const api::Engine& engine = shipped(*rc::gen::element<std::string>("v8pro.json", "mailstore.json", "invex.json"));
  RC_PRE(engine.ok());
  const nlohmann::json& info = described(engine);
  nlohmann::json request;
  if (!info["products"].empty() && *rc::gen::arbitrary<bool>()) {
    request["product"] = info["products"][0]["id"];
  } else {
    request["plan"] = info["plans"][*rc::gen::inRange<std::size_t>(0, info["plans"].size())]["id"];
  }
  Date end = any_date(2021, 2030);
  Date date = add_days(end, *rc::gen::inRange(-60, 700));
  request["support_end"] = format_date(end);
  request["date"] = format_date(date);
  auto r = call(engine, "renew", request);
  RC_PRE(r["ok"].get<bool>());
  const auto& result = r["result"];
  std::string term_start = result["term"]["start"].get<std::string>();
  std::string support_end = format_date(end), on = format_date(date);
  // Never overlapping the old term (an early renewal continues from its end)...
  RC_ASSERT(term_start >= support_end);
  // ...and starting either at the old end or on the activation date.
  RC_ASSERT(term_start == support_end || term_start == on);
  // A gap exists exactly when the new term does not start at the old end.
  bool late = date > end;
  RC_ASSERT(result["gap"].is_null() == !late);
  if (late) RC_ASSERT(result["gap"]["covered_by_new_term"].get<bool>() == (term_start == support_end));
}

// --- SLA ---------------------------------------------------------------------------------

// Seconds since 1970 of an RFC 3339 moment "YYYY-MM-DDTHH:MM[:SS](Z|±hh:mm)".
std::int64_t epoch_seconds(const std::string& m) {
  std::int64_t days = parse_date(m.substr(0, 10), "").days();
  int h = std::stoi(m.substr(11, 2)), min = std::stoi(m.substr(14, 2));
  std::size_t i = 16;
  int sec = 0;
  if (m[i] == ':') {
    sec = std::stoi(m.substr(17, 2));
    i = 19;
  }
  int offset = 0;
  if (m[i] != 'Z') offset = (m[i] == '-' ? -1 : 1) * (std::stoi(m.substr(i + 1, 2)) * 3600 + std::stoi(m.substr(i + 4, 2)) * 60);
  return days * 86400 + h * 3600 + min * 60 + sec - offset;
}

std::string utc_moment(std::int64_t epoch) {
  std::int64_t days = epoch / 86400, rest = epoch % 86400;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(rest / 3600), static_cast<int>(rest % 3600 / 60),
                static_cast<int>(rest % 60));
  return format_date(Date::from_days(static_cast<std::int32_t>(days))) + buf;
}

const api::Engine& sla_catalog() {
  static const api::Engine engine = [] {
    std::ifstream in(std::string(PLANCALC_SOURCE_DIR) + "/tests/golden/catalogs/sla-calendars.json");
    std::stringstream s;
    s << in.rdbuf();
    return api::Engine(s.str());
  }();
  return engine;
}

RC_GTEST_PROP(properties, sla_due_moments_are_monotone_in_the_opening_moment, ()) {
  const api::Engine& engine = sla_catalog();
  RC_PRE(engine.ok());
  auto tiers = described(engine)["tiers"];
  std::vector<std::string> with_sla;
  for (const auto& t : tiers) {
    if (t.contains("sla")) with_sla.push_back(t["id"].get<std::string>());
  }
  RC_PRE(!with_sla.empty());
  std::string tier = with_sla[*rc::gen::inRange<std::size_t>(0, with_sla.size())];
  std::int64_t t1 = epoch_seconds("2026-01-01T00:00:00Z") + *rc::gen::inRange<std::int64_t>(0, 2 * 365 * 86400);
  std::int64_t t2 = t1 + *rc::gen::oneOf(rc::gen::inRange<std::int64_t>(0, 3600), rc::gen::inRange<std::int64_t>(0, 10 * 86400));
  auto a = call(engine, "sla", {{"tier", tier}, {"opened", utc_moment(t1)}});
  auto b = call(engine, "sla", {{"tier", tier}, {"opened", utc_moment(t2)}});
  RC_ASSERT(a["ok"].get<bool>());
  RC_ASSERT(b["ok"].get<bool>());
  const auto& ta = a["result"]["targets"];
  const auto& tb = b["result"]["targets"];
  RC_ASSERT(ta.size() == tb.size());
  for (std::size_t i = 0; i < ta.size(); ++i) {
    RC_ASSERT(epoch_seconds(ta[i]["due"].get<std::string>()) <= epoch_seconds(tb[i]["due"].get<std::string>()));
    RC_ASSERT(epoch_seconds(ta[i]["due"].get<std::string>()) >= t1);
  }
}

}  // namespace
}  // namespace plancalc

#endif  // PLANCALC_HAVE_RAPIDCHECK
