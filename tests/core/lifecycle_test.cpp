// The contract life cycle through the api, with the shipped catalogs and the
// figures of seeds 000, 003 and 004 (issue 3).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "plancalc/api/api.hpp"
#include "repo_file.hpp"

using plancalc::api::Engine;
using json = nlohmann::json;

namespace {

std::string read(const std::string& path) { return plancalc::testing::read_repo_file(path); }

json call(const Engine& engine, const std::string& op, const json& request) {
  json r = json::parse(engine.call(op, request.dump()));
  return r;
}

json ok(const Engine& engine, const std::string& op, const json& request) {
  json r = call(engine, op, request);
  EXPECT_TRUE(r["ok"].get<bool>()) << r.dump();
  return r["result"];
}

const Engine& v8pro() {
  static const Engine e(read("plans/v8pro.json"));
  return e;
}
const Engine& mailstore() {
  static const Engine e(read("plans/mailstore.json"));
  return e;
}
const Engine& invex() {
  static const Engine e(read("plans/invex.json"));
  return e;
}

json v8pro_renewal(const std::string& date) {
  return ok(v8pro(), "renew", {{"product", "report"}, {"purchase_date", "2025-11-20"}, {"date", date}});
}

}  // namespace

TEST(renew, v8pro_preferential_within_a_month_of_the_end) {
  json r = v8pro_renewal("2026-06-10");
  EXPECT_EQ(r["support_end"], "2026-05-20");  // 2025-11-20 + 6 months included
  EXPECT_EQ(r["window"]["id"], "preferential");
  EXPECT_EQ(r["window"]["rate"], "25");
  EXPECT_EQ(r["amount"], "1998.00");  // 25 % of 7990 = 1997.5 -> 1998
  EXPECT_EQ(r["term"]["start"], "2026-05-20");
  EXPECT_EQ(r["term"]["end"], "2027-05-20");
  EXPECT_TRUE(r["gap"]["covered_by_new_term"].get<bool>());
  EXPECT_TRUE(r["gap"]["updates_granted"].get<bool>());
  EXPECT_EQ(r["window"]["last_day"], "2026-06-20");
}

TEST(renew, v8pro_last_day_of_the_preferential_window_and_the_day_after) {
  json last = v8pro_renewal("2026-06-20");
  EXPECT_EQ(last["window"]["id"], "preferential");
  EXPECT_EQ(last["amount"], "1998.00");
  json after = v8pro_renewal("2026-06-21");
  EXPECT_EQ(after["window"]["id"], "standard");
  EXPECT_EQ(after["amount"], "3596.00");  // 45 % of 7990 = 3595.5 -> 3596
  EXPECT_EQ(after["term"]["start"], "2026-06-21");
  EXPECT_EQ(after["term"]["end"], "2027-06-21");
  EXPECT_EQ(after["gap"]["days"], 32);
  EXPECT_FALSE(after["gap"]["covered_by_new_term"].get<bool>());
  EXPECT_TRUE(after["gap"]["updates_granted"].get<bool>());  // seed 004: the gap's updates too
}

TEST(renew, v8pro_early_renewal_continues_from_the_end) {
  json r = v8pro_renewal("2026-05-01");
  EXPECT_TRUE(r["early"].get<bool>());
  EXPECT_EQ(r["window"]["id"], "preferential");
  EXPECT_EQ(r["amount"], "1998.00");
  EXPECT_EQ(r["term"]["start"], "2026-05-20");
  EXPECT_EQ(r["term"]["end"], "2027-05-20");
  EXPECT_TRUE(r["gap"].is_null());
}

TEST(renew, the_list_price_in_force_on_the_renewal_date) {
  json catalog = json::parse(read("plans/v8pro.json"));
  catalog["products"][0]["prices"].push_back({{"from", "2026-06-01"}, {"amount", "8990"}});
  Engine engine(catalog.dump());
  json later = ok(engine, "renew", {{"product", "report"}, {"support_end", "2026-05-20"}, {"date", "2026-06-10"}});
  EXPECT_EQ(later["amount"], "2248.00");  // 25 % of 8990 = 2247.5 -> 2248
  EXPECT_EQ(later["list_price"]["from"], "2026-06-01");
  json before = ok(engine, "renew", {{"product", "report"}, {"support_end", "2026-05-20"}, {"date", "2026-05-25"}});
  EXPECT_EQ(before["amount"], "1998.00");  // 25 % of 7990
}

TEST(renew, errors) {
  json r = call(v8pro(), "renew", {{"product", "report"}, {"date", "2026-06-10"}});
  EXPECT_EQ(r["error"]["code"], "missing_field");
  r = call(v8pro(), "renew", {{"product", "widget"}, {"support_end", "2026-05-20"}, {"date", "2026-06-10"}});
  EXPECT_EQ(r["error"]["code"], "unknown_product");
  EXPECT_EQ(r["error"]["path"], "/product");
  r = call(mailstore(), "renew", {{"plan", "standard-annual"}, {"purchase_date", "2026-01-01"}, {"date", "2026-06-10"}});
  EXPECT_EQ(r["error"]["code"], "no_included_support");
}

TEST(check, v8pro_reports_the_published_3196_as_a_warning_not_a_failure) {
  json r = ok(v8pro(), "check", json::object());
  EXPECT_TRUE(r["passed"].get<bool>());
  ASSERT_EQ(r["warnings"].size(), 1u);
  EXPECT_EQ(r["warnings"][0]["args"]["published"], "3196.00");
  EXPECT_EQ(r["warnings"][0]["args"]["computed"], "3596.00");
  EXPECT_EQ(r["warnings"][0]["because"]["args"]["exact"], "3595.5");
}

namespace {
// mailstore: 25 users, Standard annual from 2026-01-01 (S = 12.00 per user-year,
// Premium P = 18.00).
json mailstore_contract(const std::string& date) {
  return {{"plan", "standard-annual"}, {"quantity", 25}, {"start", "2026-01-01"}, {"date", date}};
}
}  // namespace

TEST(change, mailstore_upgrade_is_immediate_and_prorated_by_days) {
  json request = mailstore_contract("2026-07-02");
  request["target"] = "premium-annual";
  json r = ok(mailstore(), "change", request);
  EXPECT_EQ(r["direction"], "upgrade");
  EXPECT_EQ(r["effect"], "immediate");
  EXPECT_EQ(r["proration"]["remaining_days"], 183);
  EXPECT_EQ(r["proration"]["term_days"], 365);
  EXPECT_EQ(r["credit"], "150.41");  // 25 × 12.00 × 183 / 365 = 150.4109…
  EXPECT_EQ(r["charge"], "225.62");  // 25 × 18.00 × 183 / 365 = 225.6164…
  EXPECT_EQ(r["net"], "75.21");
  EXPECT_EQ(r["new_term"]["end"], "2027-01-01");
  EXPECT_EQ(r["next_renewal"]["amount"], "450.00");
}

TEST(change, mailstore_downgrade_waits_for_the_end_of_the_term) {
  json request = {{"plan", "premium-annual"}, {"quantity", 25}, {"start", "2026-01-01"}, {"date", "2026-07-02"},
                  {"target", "standard-annual"}};
  json r = ok(mailstore(), "change", request);
  EXPECT_EQ(r["direction"], "downgrade");
  EXPECT_EQ(r["effect"], "end_of_term");
  EXPECT_EQ(r["effective"], "2027-01-01");
  EXPECT_EQ(r["credit"], "0.00");
  EXPECT_EQ(r["charge"], "0.00");
  EXPECT_EQ(r["net"], "0.00");
  EXPECT_EQ(r["next_renewal"]["amount"], "300.00");
}

TEST(change, a_leap_year_term_prorates_over_366_days) {
  json request = {{"plan", "standard-annual"}, {"quantity", 25}, {"start", "2028-01-01"}, {"date", "2028-07-02"},
                  {"target", "premium-annual"}};
  json r = ok(mailstore(), "change", request);
  EXPECT_EQ(r["proration"]["term_days"], 366);
  EXPECT_EQ(r["proration"]["remaining_days"], 183);
  EXPECT_EQ(r["credit"], "150.00");  // 300.00 × 183 / 366
  EXPECT_EQ(r["charge"], "225.00");  // 450.00 × 183 / 366
}

TEST(change, to_the_same_plan_nets_to_zero_and_refused_changes_say_when) {
  json request = mailstore_contract("2026-03-17");
  request["target"] = "standard-annual";
  json same = ok(mailstore(), "change", request);
  EXPECT_EQ(same["effect"], "not_allowed");  // same tier: the catalog's default
  EXPECT_FALSE(same["allowed"].get<bool>());
  EXPECT_EQ(same["earliest_allowed"], "2027-01-01");
  json catalog = json::parse(read("plans/mailstore.json"));
  catalog["policies"]["change"]["default"] = "immediate";
  Engine engine(catalog.dump());
  json r = ok(engine, "change", request);
  EXPECT_EQ(r["credit"], r["charge"]);
  EXPECT_EQ(r["net"], "0.00");
}

TEST(change, a_different_billing_length_starts_a_new_term) {
  json catalog = json::parse(read("plans/invex.json"));
  catalog["policies"]["change"]["default"] = "immediate";
  Engine engine(catalog.dump());
  // Plus monthly (129.00) from 2026-03-01, moved to Plus annual (1290.00) on 2026-03-11:
  // credit 129.00 × 21 / 31 = 87.387… -> 87.39; the annual term starts on 2026-03-11.
  json r = ok(engine, "change", {{"plan", "plus-mensual"}, {"start", "2026-03-01"}, {"date", "2026-03-11"}, {"target", "plus-anual"}});
  EXPECT_EQ(r["credit"], "87.39");
  EXPECT_EQ(r["charge"], "1290.00");
  EXPECT_EQ(r["net"], "1202.61");
  EXPECT_TRUE(r["new_term"]["starts_new_term"].get<bool>());
  EXPECT_EQ(r["new_term"]["start"], "2026-03-11");
  EXPECT_EQ(r["new_term"]["end"], "2027-03-11");
}

TEST(cancel, mailstore_refunds_nothing_and_serves_to_the_end_of_the_term) {
  json r = ok(mailstore(), "cancel", mailstore_contract("2026-07-02"));
  EXPECT_EQ(r["refund"]["amount"], "0.00");
  EXPECT_EQ(r["refund"]["policy"], "none");
  EXPECT_EQ(r["service_until"], "2027-01-01");
  EXPECT_EQ(r["last_day_of_service"], "2026-12-31");
}

TEST(cancel, invex_monthly_ends_with_the_month_of_the_notice) {
  json march = ok(invex(), "cancel", {{"plan", "plus-mensual"}, {"start", "2026-01-01"}, {"date", "2026-03-15"}});
  EXPECT_EQ(march["service_until"], "2026-04-01");
  EXPECT_EQ(march["notice"]["deadline"], "2026-03-31");
  EXPECT_TRUE(march["notice"]["met"].get<bool>());
  json april = ok(invex(), "cancel", {{"plan", "plus-mensual"}, {"start", "2026-01-01"}, {"date", "2026-04-01"}});
  EXPECT_EQ(april["service_until"], "2026-05-01");
}

TEST(cancel, a_missed_notice_on_an_auto_renewing_plan_renews_once_more) {
  json catalog = json::parse(read("plans/invex.json"));
  catalog["policies"]["cancellation"] = {{"refund", "prorated"}, {"effective", "end_of_term"}, {"notice", {{"days_before_end", 30}}}};
  Engine engine(catalog.dump());
  json in_time = ok(engine, "cancel", {{"plan", "plus-anual"}, {"start", "2026-01-01"}, {"date", "2026-12-02"}});
  EXPECT_EQ(in_time["notice"]["deadline"], "2026-12-02");
  EXPECT_TRUE(in_time["notice"]["met"].get<bool>());
  EXPECT_EQ(in_time["service_until"], "2027-01-01");
  json late = ok(engine, "cancel", {{"plan", "plus-anual"}, {"start", "2026-01-01"}, {"date", "2026-12-03"}});
  EXPECT_FALSE(late["notice"]["met"].get<bool>());
  EXPECT_TRUE(late["renews_once_more"].get<bool>());
  EXPECT_EQ(late["renewal_charge"], "1290.00");
  EXPECT_EQ(late["service_until"], "2028-01-01");
}

TEST(cancel, prorated_refund_of_the_unused_part) {
  json catalog = json::parse(read("plans/invex.json"));
  catalog["policies"]["cancellation"] = {{"refund", "prorated"}, {"effective", "end_of_month"}, {"notice", "end_of_current_month"}};
  Engine engine(catalog.dump());
  // Plus annual 1290.00 from 2026-01-01, cancelled 2026-03-15: service to 2026-04-01,
  // 275 of 365 days unused: 1290.00 × 275 / 365 = 971.917… -> 971.92
  json r = ok(engine, "cancel", {{"plan", "plus-anual"}, {"start", "2026-01-01"}, {"date", "2026-03-15"}});
  EXPECT_EQ(r["service_until"], "2026-04-01");
  EXPECT_EQ(r["refund"]["amount"], "971.92");
  EXPECT_EQ(r["refund"]["proration"]["remaining_days"], 275);
}

TEST(add_licenses, mailstore_co_termed_and_prorated) {
  json request = mailstore_contract("2026-07-02");
  request["add"] = 5;
  json r = ok(mailstore(), "add_licenses", request);
  EXPECT_EQ(r["charge"], "30.08");  // 5 × 12.00 × 183 / 365 = 30.082…
  EXPECT_EQ(r["term"]["end"], "2027-01-01");
  EXPECT_EQ(r["quantity_after"], 30);
  EXPECT_EQ(r["next_renewal"]["amount"], "360.00");
}

TEST(add_licenses, across_a_price_band_the_difference_of_period_prices_is_prorated) {
  json request = {{"plan", "standard-annual"}, {"quantity", 48}, {"start", "2026-01-01"}, {"date", "2026-07-02"}, {"add", 5}};
  json r = ok(mailstore(), "add_licenses", request);
  // 48 users: 576.00; 53 users: 50 × 12.00 + 3 × 9.00 = 627.00; (51.00) × 183 / 365 = 25.569… -> 25.57
  EXPECT_EQ(r["charge"], "25.57");
}

TEST(add_licenses, mailstore_with_support_lapsed_needs_a_renewal_first) {
  json request = mailstore_contract("2027-02-01");
  request["add"] = 5;
  json r = call(mailstore(), "add_licenses", request);
  ASSERT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["error"]["code"], "support_inactive");
  EXPECT_EQ(r["error"]["path"], "/date");
  EXPECT_EQ(r["error"]["details"]["support_end"], "2027-01-01");
  EXPECT_EQ(r["error"]["details"]["renewal"]["amount"], "300.00");  // 25 × 12.00
  EXPECT_EQ(r["error"]["details"]["renewal"]["term"]["start"], "2027-02-01");
}

TEST(legacy, not_quotable_to_new_customers_but_renewable_until_its_end) {
  json q = call(invex(), "quote", {{"plan", "clasico-anual"}, {"start", "2026-08-01"}});
  EXPECT_EQ(q["error"]["code"], "plan_not_sold");
  EXPECT_EQ(q["error"]["path"], "/plan");
  json before = ok(invex(), "quote", {{"plan", "clasico-anual"}, {"start", "2026-06-30"}});
  EXPECT_EQ(before["first_period"]["net"], "600.00");  // + 18 % ITBIS: 708.00
  EXPECT_EQ(before["first_period"]["total"], "708.00");
  json renewal = ok(invex(), "renew", {{"plan", "clasico-anual"}, {"support_end", "2026-09-01"}, {"date", "2026-08-20"}});
  EXPECT_EQ(renewal["amount"], "600.00");
  json too_late = call(invex(), "renew", {{"plan", "clasico-anual"}, {"support_end", "2027-09-01"}, {"date", "2027-07-01"}});
  EXPECT_EQ(too_late["error"]["code"], "plan_not_renewable");
  json compare = ok(invex(), "compare", {{"start", "2026-08-01"}});
  for (const auto& row : compare["rows"]) EXPECT_NE(row["plan"], "clasico-anual");
  json change_to_legacy = call(invex(), "change", {{"plan", "basico-anual"}, {"start", "2026-08-01"}, {"date", "2026-09-01"}, {"target", "clasico-anual"}});
  EXPECT_EQ(change_to_legacy["error"]["code"], "plan_not_sold");
}
