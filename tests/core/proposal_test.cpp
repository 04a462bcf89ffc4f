// Proposals (issue 18) through the api, with the shipped catalogs: the
// issue's exact cases worked by hand, each amount equal to what the
// single-item operation answers, the approval rule and the proposal id.
#include <gtest/gtest.h>

#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "plancalc/api/api.hpp"
#include "plancalc/proposal/proposal.hpp"
#include "repo_file.hpp"

using plancalc::api::Engine;
using json = nlohmann::json;

namespace {

const Engine& engine(const std::string& vendor) {
  static std::map<std::string, std::unique_ptr<Engine>> engines;
  auto& e = engines[vendor];
  if (!e) e = std::make_unique<Engine>(plancalc::testing::read_repo_file("plans/" + vendor + ".json"));
  return *e;
}

json call(const std::string& vendor, const std::string& op, const json& request) {
  return json::parse(engine(vendor).call(op, request.dump()));
}

json ok(const std::string& vendor, const std::string& op, const json& request) {
  json r = call(vendor, op, request);
  EXPECT_TRUE(r["ok"].get<bool>()) << r.dump();
  return r["result"];
}

json acme(const char* percent = "10") {
  return {{"customer", "Acme GmbH"},
          {"issued", "2026-12-01"},
          {"valid_days", 30},
          {"start", "2027-01-01"},
          {"horizon_months", 36},
          {"items", {{{"plan", "premium-annual"}, {"quantity", 25}, {"steps", {{{"date", "2027-07-02"}, {"quantity", 35}}}}}}},
          {"discount", {{"percent", percent}, {"reason", "3-year commitment"}}},
          {"lang", "en"}};
}

std::vector<std::string> year_totals(const json& r) {
  std::vector<std::string> out;
  for (const auto& y : r["years"]) out.push_back(y["total"]);
  return out;
}

}  // namespace

TEST(proposal, mailstore_issue_case_1620_22) {
  json r = ok("mailstore", "proposal", acme());
  EXPECT_EQ(r["valid_until"], "2026-12-31");
  const json& charges = r["items"][0]["charges"];
  ASSERT_EQ(charges.size(), 4u);
  EXPECT_EQ(charges[0]["lines"][0]["amount"], "450.00");
  EXPECT_EQ(charges[0]["lines"][1]["amount"], "-45.00");
  EXPECT_EQ(charges[0]["total"], "405.00");
  EXPECT_EQ(charges[1]["kind"], "step");
  EXPECT_EQ(charges[1]["lines"][0]["amount"], "90.25");  // 180.00 × 183/365 = 90.2466
  EXPECT_EQ(charges[1]["lines"][1]["amount"], "-9.03");  // 10 % of 90.25 = 9.025, half up
  EXPECT_EQ(charges[1]["total"], "81.22");
  EXPECT_EQ(charges[2]["total"], "567.00");
  EXPECT_EQ(charges[3]["total"], "567.00");
  EXPECT_EQ(year_totals(r), (std::vector<std::string>{"486.22", "567.00", "567.00"}));
  EXPECT_EQ(r["horizon"]["total"], "1620.22");
  EXPECT_EQ(r["approval"], json::parse(R"({"required":false,"limit":"15","asked":"10",
    "explanation":{"key":"proposal.approval_within","args":{"asked":"10","limit":"15"}}})"));
}

TEST(proposal, mailstore_at_20_percent_needs_approval) {
  json r = ok("mailstore", "proposal", acme("20"));
  EXPECT_EQ(r["items"][0]["charges"][0]["total"], "360.00");
  EXPECT_EQ(r["approval"]["required"], true);
  EXPECT_EQ(r["approval"]["limit"], "15");
  EXPECT_EQ(r["approval"]["asked"], "20");
  EXPECT_EQ(r["horizon"]["total"], "1440.20");  // 360.00 + 72.20 + 504.00 + 504.00
}

TEST(proposal, step_is_priced_as_add_licenses_prices_it) {
  json a = ok("mailstore", "add_licenses",
              {{"plan", "premium-annual"}, {"quantity", 25}, {"start", "2027-01-01"}, {"date", "2027-07-02"}, {"add", 10}});
  json r = ok("mailstore", "proposal", acme("0"));
  EXPECT_EQ(r["items"][0]["charges"][1]["lines"][0], a["line"]);
  EXPECT_EQ(r["items"][0]["charges"][1]["total"], a["charge"]);
  EXPECT_EQ(r["approval"]["explanation"]["key"], "proposal.no_negotiated_discount");
}

TEST(proposal, upgrade_step_is_priced_as_change_prices_it) {
  json c = ok("mailstore", "change",
              {{"plan", "standard-annual"}, {"quantity", 25}, {"start", "2027-01-01"}, {"date", "2027-07-02"},
               {"target", "premium-annual"}});
  json r = ok("mailstore", "proposal",
              {{"issued", "2026-12-01"},
               {"start", "2027-01-01"},
               {"horizon_months", 24},
               {"items",
                {{{"plan", "standard-annual"}, {"quantity", 25}, {"steps", {{{"date", "2027-07-02"}, {"plan", "premium-annual"}}}}}}}});
  const json& step = r["items"][0]["charges"][1];
  EXPECT_EQ(step["lines"], c["lines"]);
  EXPECT_EQ(step["total"], c["net"]);  // 225.62 − 150.41 = 75.21
  EXPECT_EQ(year_totals(r), (std::vector<std::string>{"375.21", "450.00"}));
}

TEST(proposal, v8pro_purchase_and_renewals_41952) {
  json r = ok("v8pro", "proposal",
              {{"issued", "2026-12-01"},
               {"start", "2027-01-01"},
               {"horizon_months", 36},
               {"items", {{{"product", "report"}, {"quantity", 3}, {"date", "2027-01-15"}}}}});
  const json& charges = r["items"][0]["charges"];
  ASSERT_EQ(charges.size(), 4u);
  EXPECT_EQ(charges[0]["total"], "23970.00");
  EXPECT_EQ(charges[0]["end"], "2027-07-15");
  json renew = ok("v8pro", "renew",
                  {{"product", "report"}, {"quantity", 3}, {"support_end", "2027-07-15"}, {"date", "2027-07-15"}});
  EXPECT_EQ(charges[1]["lines"][0], renew["line"]);
  for (int i = 1; i <= 3; ++i) EXPECT_EQ(charges[i]["total"], "5994.00");
  EXPECT_EQ(charges[1]["date"], "2027-07-15");
  EXPECT_EQ(charges[2]["date"], "2028-07-15");
  EXPECT_EQ(charges[3]["date"], "2029-07-15");
  EXPECT_EQ(year_totals(r), (std::vector<std::string>{"29964.00", "5994.00", "5994.00"}));
  EXPECT_EQ(r["horizon"]["total"], "41952.00");
  EXPECT_EQ(r["approval"]["limit"], nullptr);
}

TEST(proposal, invex_cloud_913_32) {
  json r = ok("invex", "proposal",
              {{"issued", "2026-12-01"},
               {"start", "2027-01-01"},
               {"horizon_months", 12},
               {"context", {{"deployment", "cloud"}}},
               {"items", {{{"plan", "plus-anual"}}}}});
  const json& c = r["items"][0]["charges"][0];
  EXPECT_EQ(c["lines"][1]["amount"], "-516.00");
  EXPECT_EQ(c["tax"]["amount"], "139.32");
  EXPECT_EQ(c["total"], "913.32");
  EXPECT_EQ(r["years"][0]["total"], "913.32");
}

TEST(proposal, invex_negotiated_discount_is_taxed_after_and_needs_approval_without_sales) {
  json r = ok("invex", "proposal",
              {{"issued", "2026-12-01"},
               {"start", "2027-01-01"},
               {"horizon_months", 1},
               {"context", {{"deployment", "cloud"}}},
               {"discount", {{"percent", "10"}, {"reason", "pilot"}}},
               {"items", {{{"plan", "plus-mensual"}}}}});
  const json& c = r["items"][0]["charges"][0];
  EXPECT_EQ(c["lines"][2]["amount"], "-7.74");  // 10 % of 129.00 − 51.60
  EXPECT_EQ(c["tax"]["amount"], "12.54");       // 18 % of 69.66 = 12.5388
  EXPECT_EQ(c["total"], "82.20");
  EXPECT_EQ(r["approval"]["required"], true);
  EXPECT_EQ(r["approval"]["explanation"]["key"], "proposal.approval_no_limit");
}

TEST(proposal, kalmstrom_plan_and_service_19500) {
  json r = ok("kalmstrom", "proposal",
              {{"issued", "2026-12-01"},
               {"start", "2027-01-01"},
               {"horizon_months", 12},
               {"items",
                {{{"plan", "subscription-annual"}, {"quantity", 10}}, {{"service", "out_of_scope_work"}, {"hours", 8}}}}});
  EXPECT_EQ(r["items"][0]["total"], "9900.00");
  EXPECT_EQ(r["items"][1]["total"], "9600.00");
  EXPECT_EQ(r["horizon"]["total"], "19500.00");
}

TEST(proposal, id_is_the_same_for_the_same_request_anywhere) {
  json a = acme();
  json b = acme();
  b.erase("lang");
  b["op"] = "proposal";
  std::string id = ok("mailstore", "proposal", a)["proposal_id"];
  EXPECT_EQ(id.size(), 14u);
  EXPECT_EQ(id.rfind("P-", 0), 0u);
  EXPECT_EQ(ok("mailstore", "proposal", b)["proposal_id"], id);
  json dispatched = json::parse(engine("mailstore").dispatch(b.dump()));
  EXPECT_EQ(dispatched["result"]["proposal_id"], id);
  json c = acme();
  c["valid_days"] = 31;
  EXPECT_NE(ok("mailstore", "proposal", c)["proposal_id"], id);
}

TEST(proposal, combined_rate_of_item_and_proposal_discounts) {
  using plancalc::Rate;
  auto rate = [](std::int64_t percent) { return Rate::from_micro_percent(percent * Rate::kScale); };
  EXPECT_EQ(plancalc::combined_rate(rate(10), rate(5)).micro_percent(), 14'500'000);
  EXPECT_EQ(plancalc::combined_rate(rate(10), rate(10)).micro_percent(), 19'000'000);
  EXPECT_EQ(plancalc::combined_rate(rate(0), rate(15)).micro_percent(), 15'000'000);
  EXPECT_EQ(plancalc::combined_rate(rate(100), rate(50)).micro_percent(), 100'000'000);
  // 0.000001 % twice: 0.000002 − 1e-14, rounded up to 0.000002.
  EXPECT_EQ(plancalc::combined_rate(Rate::from_micro_percent(1), Rate::from_micro_percent(1)).micro_percent(), 2);
}

TEST(proposal, errors_point_into_the_items) {
  json r = call("mailstore", "proposal",
                {{"issued", "2026-12-01"},
                 {"start", "2027-01-01"},
                 {"items",
                  {{{"plan", "premium-annual"}, {"quantity", 25}, {"steps", {{{"date", "2027-07-02"}, {"plan", "standard-annual"}}}}}}}});
  EXPECT_EQ(r["error"]["code"], "step_not_allowed");
  EXPECT_EQ(r["error"]["path"], "/items/0/steps/0/date");
  EXPECT_EQ(r["error"]["args"]["earliest"], "2028-01-01");
  r = call("mailstore", "proposal", {{"issued", "2026-12-01"}, {"start", "2027-01-01"}, {"items", json::array()}});
  EXPECT_EQ(r["error"]["code"], "no_items");
  r = call("mailstore", "proposal",
           {{"issued", "2026-12-01"}, {"start", "2027-01-01"}, {"valid_days", 0}, {"items", {{{"plan", "premium-annual"}}}}});
  EXPECT_EQ(r["error"]["code"], "out_of_range");
  EXPECT_EQ(r["error"]["path"], "/valid_days");
}

TEST(proposal, sales_limit_above_100_is_a_catalog_error) {
  std::string text = plancalc::testing::read_repo_file("plans/mailstore.json");
  json catalog = json::parse(text);
  catalog["sales"]["max_discount_percent"] = "120";
  Engine e(catalog.dump());
  json status = json::parse(e.status());
  EXPECT_EQ(status["error"]["code"], "invalid_rate");
  EXPECT_EQ(status["error"]["path"], "/sales/max_discount_percent");
  EXPECT_EQ(status["error"]["source"], "catalog");
}

TEST(proposal, step_to_another_billing_length_starts_a_new_run_of_terms) {
  json catalog = json::parse(plancalc::testing::read_repo_file("tests/golden/catalogs/models.json"));
  catalog["policies"]["change"] = {{"proration_basis", "actual_days"}, {"cases", json::array()}, {"default", "immediate"}};
  Engine e(catalog.dump());
  ASSERT_TRUE(e.ok()) << e.status();
  json r = json::parse(e.call("proposal", json{{"issued", "2026-12-01"},
                                                 {"start", "2027-01-01"},
                                                 {"horizon_months", 24},
                                                 {"items",
                                                  {{{"plan", "basic-monthly"},
                                                    {"quantity", 5},
                                                    {"steps", {{{"date", "2027-01-16"}, {"plan", "basic-annual"}}}}}}}}
                                                .dump()));
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const json& charges = r["result"]["items"][0]["charges"];
  ASSERT_EQ(charges.size(), 3u);
  EXPECT_EQ(charges[0]["total"], "50.00");  // 5 × 10.00, January
  // Credit 50.00 × 16/31 = 25.806 → 25.81; a new annual term from 2027-01-16: 5 × 100.00.
  EXPECT_EQ(charges[1]["lines"][0]["amount"], "-25.81");
  EXPECT_EQ(charges[1]["lines"][1]["amount"], "500.00");
  EXPECT_EQ(charges[1]["end"], "2028-01-16");
  EXPECT_EQ(charges[1]["explanation"]["args"]["term_end"], "2028-01-16");
  EXPECT_EQ(charges[1]["total"], "474.19");
  EXPECT_EQ(charges[2]["date"], "2028-01-16");  // the next annual period, from the step's date
  EXPECT_EQ(charges[2]["total"], "500.00");
  EXPECT_EQ(year_totals(r["result"]), (std::vector<std::string>{"524.19", "500.00"}));
  EXPECT_EQ(r["result"]["horizon"]["total"], "1024.19");
}
