// Allowances, overage, hourly work, discounts and tax (issue 4's figures),
// through the api with small catalogs built for each case.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "plancalc/api/api.hpp"

using plancalc::api::Engine;
using json = nlohmann::json;

namespace {

// One tier, one monthly plan at 100.00 with 5 tickets a month.
json base_catalog() {
  return json::parse(R"({"format": 1, "vendor": {"id": "t", "name": "T"}, "currency": "EUR",
    "tiers": [{"id": "basic", "name": "Basic", "rank": 1}, {"id": "plus", "name": "Plus", "rank": 2}],
    "plans": [{"id": "a", "tier": "basic", "billing_months": 1, "price": {"model": "flat", "amount": "100.00"},
               "allowances": [{"id": "tickets", "name": "Tickets", "unit": "ticket", "included": 5,
                               "overage": {"model": "per_unit", "unit_amount": "25.00"}}]}]})");
}

json run(const json& catalog, const std::string& op, const json& request) {
  Engine engine(catalog.dump());
  EXPECT_TRUE(engine.ok()) << engine.status();
  json r = json::parse(engine.call(op, request.dump()));
  return r;
}

json ok(const json& catalog, const std::string& op, const json& request) {
  json r = run(catalog, op, request);
  EXPECT_TRUE(r["ok"].get<bool>()) << r.dump();
  return r["result"];
}

json three_months(int tickets) {
  return {{"plan", "a"}, {"start", "2026-01-01"}, {"horizon_months", 3}, {"usage", {{"tickets", tickets}}}};
}

}  // namespace

TEST(overage, per_unit_extra_tickets) {
  json q = ok(base_catalog(), "quote", three_months(8));
  EXPECT_EQ(q["horizon"]["total"], "525.00");  // 3 × (100.00 + 3 × 25.00)
  EXPECT_EQ(q["first_period"]["total"], "175.00");
  const json& usage = q["first_period"]["lines"][1];
  EXPECT_EQ(usage["kind"], "usage");
  EXPECT_EQ(usage["explanation"]["args"]["included"], 5);
  EXPECT_EQ(usage["explanation"]["args"]["extra"], 3);
  EXPECT_EQ(usage["amount"], "75.00");
}

TEST(overage, packs_round_up) {
  json c = base_catalog();
  c["plans"][0]["allowances"][0]["overage"] = {{"model", "package"}, {"package_size", 5}, {"package_amount", "100.00"}};
  json q = ok(c, "quote", three_months(8));
  EXPECT_EQ(q["horizon"]["total"], "600.00");  // one pack a month: 3 × 200.00
  EXPECT_EQ(q["first_period"]["lines"][1]["explanation"]["args"]["packs"], 1);
  EXPECT_EQ(ok(c, "quote", three_months(11))["first_period"]["total"], "300.00");  // 6 extra: 2 packs
}

TEST(overage, within_the_allowance_costs_nothing_and_shows_what_is_included) {
  json q = ok(base_catalog(), "quote", three_months(4));
  EXPECT_EQ(q["horizon"]["total"], "300.00");
  EXPECT_EQ(q["first_period"]["lines"][1]["explanation"]["key"], "usage.included");
  EXPECT_EQ(q["first_period"]["lines"][1]["amount"], "0.00");
}

TEST(overage, an_annual_plan_meters_every_month) {
  json c = base_catalog();
  c["plans"][0]["billing_months"] = 12;
  c["plans"][0]["price"]["amount"] = "1000.00";
  json q = ok(c, "quote", {{"plan", "a"}, {"start", "2026-01-01"}, {"horizon_months", 12}, {"usage", {{"tickets", 7}}}});
  EXPECT_EQ(q["first_period"]["total"], "1600.00");  // 1000.00 + 12 months × 2 × 25.00
}

TEST(overage, usage_a_plan_cannot_cover_is_an_error) {
  json c = base_catalog();
  c["plans"][0]["allowances"][0]["overage"] = nullptr;
  json r = run(c, "quote", three_months(6));
  EXPECT_EQ(r["error"]["code"], "usage_not_covered");
  EXPECT_EQ(r["error"]["path"], "/usage/tickets");
  EXPECT_EQ(run(c, "quote", three_months(5))["ok"], true);
  r = run(base_catalog(), "quote", {{"plan", "a"}, {"start", "2026-01-01"}, {"usage", {{"seats", 3}}}});
  EXPECT_EQ(r["error"]["code"], "unknown_usage");
  EXPECT_EQ(r["error"]["path"], "/usage/seats");
}

TEST(hourly, billed_in_fifteen_minute_increments) {
  json c = base_catalog();
  c["services"] = json::parse(R"([{"id": "out_of_scope", "name": "Out-of-scope work", "rate_per_hour": "60.00", "increment_minutes": 15}])");
  json q = ok(c, "quote", {{"plan", "a"}, {"start", "2026-01-01"}, {"horizon_months", 1}, {"usage", {{"out_of_scope", 80}}}});
  const json& line = q["first_period"]["lines"][1];
  EXPECT_EQ(line["explanation"]["args"]["billable_minutes"], 90);  // 1 h 20 min -> 1 h 30 min
  EXPECT_EQ(line["amount"], "90.00");
  EXPECT_EQ(q["first_period"]["total"], "190.00");
}

namespace {
json discounted_catalog(const char* stacking) {
  json c = base_catalog();
  c["plans"][0]["price"]["amount"] = "450.00";
  c["plans"][0].erase("allowances");
  c["discounts"] = json::parse(R"([
    {"id": "cloud", "name": "Cloud (WEB) discount", "percent": "40", "conditions": {"context": {"deployment": "cloud"}}},
    {"id": "welcome", "name": "Welcome coupon", "percent": "10", "conditions": {"coupon": "WELCOME10"}}])");
  c["discount_stacking"] = stacking;
  return c;
}
json month_of(const json& extra) {
  json r = {{"plan", "a"}, {"start", "2026-01-01"}, {"horizon_months", 1}};
  r.update(extra);
  return r;
}
}  // namespace

TEST(discounts, cloud_then_coupon_sequential) {
  json c = discounted_catalog("sequential");
  json cloud = ok(c, "quote", month_of({{"context", {{"deployment", "cloud"}}}}));
  EXPECT_EQ(cloud["first_period"]["lines"][1]["amount"], "-180.00");  // 40 % of 450.00
  EXPECT_EQ(cloud["first_period"]["total"], "270.00");
  json both = ok(c, "quote", month_of({{"context", {{"deployment", "cloud"}}}, {"coupon", "welcome10"}}));
  EXPECT_EQ(both["first_period"]["lines"][2]["amount"], "-27.00");  // 10 % of 270.00
  EXPECT_EQ(both["first_period"]["total"], "243.00");
  json local = ok(c, "quote", month_of({{"context", {{"deployment", "local"}}}}));
  EXPECT_EQ(local["first_period"]["total"], "450.00");
}

TEST(discounts, exclusive_takes_the_larger_single_discount) {
  json c = discounted_catalog("exclusive");
  json both = ok(c, "quote", month_of({{"context", {{"deployment", "cloud"}}}, {"coupon", "WELCOME10"}}));
  ASSERT_EQ(both["first_period"]["lines"].size(), 2u);
  EXPECT_EQ(both["first_period"]["lines"][1]["explanation"]["args"]["discount"], "cloud");
  EXPECT_EQ(both["first_period"]["total"], "270.00");
}

TEST(discounts, never_below_zero_and_conditions_on_period_and_dates) {
  json c = discounted_catalog("sequential");
  c["discounts"] = json::parse(R"([
    {"id": "big", "name": "Big", "amount": "500.00"},
    {"id": "annual", "name": "Annual only", "percent": "10", "conditions": {"billing_months": [12]}},
    {"id": "spring", "name": "Spring", "percent": "5", "conditions": {"valid_from": "2026-03-01", "valid_until": "2026-06-01"}}])");
  json q = ok(c, "quote", month_of(json::object()));
  EXPECT_EQ(q["first_period"]["lines"][1]["amount"], "-450.00");
  EXPECT_EQ(q["first_period"]["total"], "0.00");
  c["discounts"].erase(0);
  json spring = ok(c, "quote", {{"plan", "a"}, {"start", "2026-01-01"}, {"horizon_months", 6}});
  std::vector<std::string> amounts;
  for (const auto& s : spring["schedule"]) amounts.push_back(s["amount"]);
  EXPECT_EQ(amounts, (std::vector<std::string>{"450.00", "450.00", "427.50", "427.50", "427.50", "450.00"}));
  json r = run(c, "quote", month_of({{"coupon", "NOPE"}}));
  EXPECT_EQ(r["error"]["code"], "unknown_coupon");
}

TEST(tax, exclusive_vat_on_the_discounted_net) {
  json c = discounted_catalog("sequential");
  c["tax"] = {{"label", "IVA"}, {"rate", "21"}, {"inclusive", false}};
  json q = ok(c, "quote", month_of({{"context", {{"deployment", "cloud"}}}, {"coupon", "WELCOME10"}}));
  EXPECT_EQ(q["first_period"]["net"], "243.00");
  EXPECT_EQ(q["first_period"]["tax"]["amount"], "51.03");  // 21 % of 243.00
  EXPECT_EQ(q["first_period"]["total"], "294.03");
  EXPECT_EQ(q["horizon"]["tax"], "51.03");
}

TEST(tax, inclusive_prices_derive_the_net_exactly) {
  json c = base_catalog();
  c["plans"][0].erase("allowances");
  c["plans"][0]["price"]["amount"] = "121.00";
  c["tax"] = {{"label", "IVA"}, {"rate", "21"}, {"inclusive", true}};
  json q = ok(c, "quote", month_of(json::object()));
  EXPECT_EQ(q["first_period"]["net"], "100.00");
  EXPECT_EQ(q["first_period"]["tax"]["amount"], "21.00");
  EXPECT_EQ(q["first_period"]["total"], "121.00");
  c["plans"][0]["price"]["amount"] = "99.99";  // 99.99 × 21/121 = 17.353… -> 17.35; net 82.64
  q = ok(c, "quote", month_of(json::object()));
  EXPECT_EQ(q["first_period"]["tax"]["amount"], "17.35");
  EXPECT_EQ(q["first_period"]["net"], "82.64");
  EXPECT_EQ(q["first_period"]["total"], "99.99");
}

TEST(on_request, a_custom_price_is_said_not_invented) {
  json c = base_catalog();
  c["plans"].push_back(json::parse(R"({"id": "custom", "tier": "plus", "billing_months": 12, "price": {"model": "on_request"}})"));
  json r = run(c, "quote", {{"plan", "custom"}, {"start", "2026-01-01"}});
  EXPECT_EQ(r["error"]["code"], "price_on_request");
  json cmp = ok(c, "compare", {{"start", "2026-01-01"}});
  EXPECT_EQ(cmp["rows"][1]["plan"], "custom");
  EXPECT_EQ(cmp["rows"][1]["error"]["code"], "price_on_request");
  EXPECT_EQ(cmp["cheapest"]["plan"], "a");
}

TEST(recommendation, break_even_between_adjacent_tiers) {
  json c = base_catalog();
  c["plans"].push_back(json::parse(R"({"id": "b", "tier": "plus", "billing_months": 1, "price": {"model": "flat", "amount": "180.00"},
      "allowances": [{"id": "tickets", "name": "Tickets", "unit": "ticket", "included": 15,
                      "overage": {"model": "per_unit", "unit_amount": "25.00"}}]})"));
  json low = ok(c, "compare", {{"start", "2026-01-01"}, {"horizon_months", 12}, {"usage", {{"tickets", 4}}}});
  EXPECT_EQ(low["cheapest"]["plan"], "a");
  ASSERT_EQ(low["break_even"].size(), 1u);
  EXPECT_EQ(low["break_even"][0]["lower_plan"], "a");
  EXPECT_EQ(low["break_even"][0]["higher_plan"], "b");
  EXPECT_EQ(low["break_even"][0]["from_usage"], 9);       // A at 9 tickets: 100.00 + 4 × 25.00 = 200.00
  EXPECT_EQ(low["break_even"][0]["lower_cost"], "200.00");
  EXPECT_EQ(low["break_even"][0]["higher_cost"], "180.00");
  json high = ok(c, "compare", {{"start", "2026-01-01"}, {"horizon_months", 12}, {"usage", {{"tickets", 9}}}});
  EXPECT_EQ(high["cheapest"]["plan"], "b");
  EXPECT_EQ(high["rows"][0]["horizon_total"], "2400.00");  // 12 × 200.00
  EXPECT_EQ(high["rows"][1]["horizon_total"], "2160.00");  // 12 × 180.00
  ASSERT_EQ(high["cheapest"]["reasons"].size(), 1u);
  EXPECT_EQ(high["cheapest"]["reasons"][0]["key"], "compare.usage_costs_more");
  EXPECT_EQ(high["cheapest"]["reasons"][0]["args"]["plan"], "a");
  EXPECT_EQ(high["cheapest"]["reasons"][0]["args"]["extra"], 4);
}
