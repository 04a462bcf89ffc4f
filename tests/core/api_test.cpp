// The JSON boundary: every kind of bad input gets its own error code and
// the JSON Pointer of the offending value; nothing throws.
#include "plancalc/api/api.hpp"
#include "repo_file.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

using plancalc::api::Engine;
using json = nlohmann::json;

namespace {

std::string read(const std::string& path) { return plancalc::testing::read_repo_file(path); }

const Engine& mailstore() {
  static const Engine engine(read("plans/mailstore.json"));
  return engine;
}

json call(const std::string& op, const std::string& request) {
  return json::parse(mailstore().call(op, request));
}

void expect_error(const json& r, const std::string& code, const std::string& path) {
  ASSERT_FALSE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["error"]["code"], code) << r.dump();
  EXPECT_EQ(r["error"]["path"], path) << r.dump();
}

// A minimal valid catalog with one field replaced, for catalog error tests.
json minimal_catalog() {
  return json::parse(R"({"format":1,"vendor":{"id":"t","name":"T"},"currency":"EUR",
    "tiers":[{"id":"basic","name":"Basic","rank":1}],
    "plans":[{"id":"basic-monthly","tier":"basic","billing_months":1,
              "price":{"model":"per_unit","unit_amount":"10.00"}}]})");
}

json load(const json& catalog) { return json::parse(Engine(catalog.dump()).status()); }

}  // namespace

TEST(api, quote_of_the_mailstore_example) {
  json r = call("quote", R"({"plan":"premium-annual","quantity":25,"start":"2026-03-01"})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["result"]["first_period"]["total"], "450.00");
  EXPECT_EQ(r["result"]["horizon"]["total"], "1350.00");
  EXPECT_EQ(r["result"]["horizon"]["months"], 36);
  EXPECT_EQ(r["result"]["conventions"]["rounding_mode"], "half_up");
  EXPECT_EQ(r["result"]["conventions"]["as_of"], "2026-03-01");
  EXPECT_EQ(r["result"]["catalog"]["id"], "mailstore");
}

TEST(api, quote_by_tier_and_billing_period) {
  json r = call("quote", R"({"tier":"standard","billing_months":12,"quantity":60,"start":"2026-03-01"})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["result"]["plan"]["id"], "standard-annual");
  EXPECT_EQ(r["result"]["first_period"]["total"], "690.00");  // 50 × 12.00 + 10 × 9.00
  expect_error(call("quote", R"({"tier":"standard","billing_months":1,"start":"2026-03-01"})"),
               "unknown_plan", "/billing_months");
  expect_error(call("quote", R"({"tier":"gold","billing_months":12,"start":"2026-03-01"})"),
               "unknown_tier", "/tier");
}

TEST(api, impossible_dates) {
  expect_error(call("quote", R"({"plan":"premium-annual","start":"2026-02-30"})"), "invalid_date", "/start");
  expect_error(call("quote", R"({"plan":"premium-annual","start":"2026-13-01"})"), "invalid_date", "/start");
  expect_error(call("quote", R"({"plan":"premium-annual","start":"2026-03-01","as_of":"2026-02-29"})"),
               "invalid_date", "/as_of");
}

TEST(api, bad_quantities) {
  expect_error(call("quote", R"({"plan":"premium-annual","quantity":-1,"start":"2026-03-01"})"),
               "invalid_quantity", "/quantity");
  expect_error(call("quote", R"({"plan":"premium-annual","quantity":0,"start":"2026-03-01"})"),
               "invalid_quantity", "/quantity");
  expect_error(call("quote", R"({"plan":"premium-annual","quantity":1e30,"start":"2026-03-01"})"),
               "number_too_large", "/quantity");
  expect_error(call("quote", R"({"plan":"premium-annual","quantity":18446744073709551616,"start":"2026-03-01"})"),
               "number_too_large", "/quantity");
  expect_error(call("quote", R"({"plan":"premium-annual","quantity":2.5,"start":"2026-03-01"})"),
               "wrong_type", "/quantity");
  expect_error(call("quote", R"({"plan":"premium-annual","quantity":"5","start":"2026-03-01"})"),
               "wrong_type", "/quantity");
}

TEST(api, unknown_ids_and_fields) {
  json r = call("quote", R"({"plan":"gold-annual","start":"2026-03-01"})");
  expect_error(r, "unknown_plan", "/plan");
  EXPECT_EQ(r["error"]["message"], "no plan 'gold-annual' in catalog 'mailstore'");
  EXPECT_EQ(r["error"]["source"], "request");
  expect_error(call("quote", R"({"plan":"premium-annual","start":"2026-03-01","quantty":5})"),
               "unknown_field", "/quantty");
  expect_error(call("quote", R"({"quantity":5,"start":"2026-03-01"})"), "missing_field", "/plan");
  expect_error(call("quote", R"({"plan":"premium-annual"})"), "missing_field", "/start");
  expect_error(call("frobnicate", "{}"), "unknown_op", "");
}

TEST(api, malformed_and_hostile_text) {
  expect_error(call("quote", R"({"plan":)"), "invalid_json", "");
  expect_error(call("quote", "[1,2,3]"), "invalid_request", "");
  expect_error(call("quote", "\"quote\""), "invalid_request", "");
  expect_error(call("quote", ""), "invalid_json", "");
  expect_error(call("quote", std::string(100000, '[') + std::string(100000, ']')), "too_deep", "");
  expect_error(call("quote", R"({"plan":"a","plan":"b"})"), "duplicate_key", "");
  expect_error(call("quote", "{\"plan\":\"\xff\xfe\"}"), "invalid_json", "");
  std::string huge = R"({"plan":")" + std::string(10 * 1024 * 1024, 'x') + R"(","start":"2026-03-01"})";
  expect_error(call("quote", huge), "input_too_large", "");
  std::string long_id = R"({"plan":")" + std::string(5000, 'x') + R"(","start":"2026-03-01"})";
  expect_error(call("quote", long_id), "string_too_long", "/plan");
  // A hostile id is echoed only in part.
  json r = call("quote", R"({"plan":")" + std::string(150, 'y') + R"(","start":"2026-03-01"})");
  EXPECT_LT(r["error"]["message"].get<std::string>().size(), 130u);
}

TEST(api, horizon_limits) {
  expect_error(call("quote", R"({"plan":"premium-annual","start":"2026-03-01","horizon_months":0})"),
               "out_of_range", "/horizon_months");
  expect_error(call("quote", R"({"plan":"premium-annual","start":"2026-03-01","horizon_months":601})"),
               "out_of_range", "/horizon_months");
  json r = call("quote", R"({"plan":"premium-annual","start":"2999-01-01","horizon_months":36})");
  EXPECT_EQ(r["error"]["code"], "invalid_date");
}

TEST(api, compare_filters_and_reports) {
  json r = call("compare", R"({"quantity":100,"start":"2026-03-01","horizon_months":12})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["result"]["rows"][0]["horizon_total"], "1050.00");
  EXPECT_EQ(r["result"]["rows"][1]["horizon_total"], "1575.00");
  EXPECT_EQ(r["result"]["cheapest"]["plan"], "standard-annual");
  r = call("compare", R"({"quantity":1,"start":"2026-03-01","tiers":["premium"]})");
  ASSERT_EQ(r["result"]["rows"].size(), 1u);
  EXPECT_EQ(r["result"]["cheapest"]["explanation"]["key"], "compare.only_plan");
  expect_error(call("compare", R"({"start":"2026-03-01","billing_months":[1]})"), "no_matching_plan", "");
  expect_error(call("compare", R"({"start":"2026-03-01","tiers":["gold"]})"), "unknown_tier", "/tiers/0");
}

TEST(api, check_runs_the_catalog_examples) {
  json r = call("check", "{}");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_TRUE(r["result"]["passed"].get<bool>());
  EXPECT_EQ(r["result"]["examples"].size(), 5u);
}

TEST(api, fingerprint_ignores_formatting) {
  json c = minimal_catalog();
  EXPECT_EQ(load(c)["result"]["catalog"]["fingerprint"],
            json::parse(Engine(c.dump(2)).status())["result"]["catalog"]["fingerprint"]);
  json changed = c;
  changed["plans"][0]["price"]["unit_amount"] = "10.01";
  EXPECT_NE(load(c)["result"]["catalog"]["fingerprint"], load(changed)["result"]["catalog"]["fingerprint"]);
}

TEST(api, catalog_errors_carry_a_pointer_into_the_catalog) {
  EXPECT_TRUE(load(minimal_catalog())["ok"].get<bool>());
  auto expect_catalog_error = [](json c, const std::string& code, const std::string& path) {
    json r = load(c);
    expect_error(r, code, path);
    EXPECT_EQ(r["error"]["source"], "catalog");
  };
  json c = minimal_catalog();
  c["plans"][0]["price"]["unit_amount"] = "7990.001";
  expect_catalog_error(c, "too_many_decimals", "/plans/0/price/unit_amount");
  c = minimal_catalog();
  c["plans"][0]["price"]["unit_amount"] = 10;
  expect_catalog_error(c, "wrong_type", "/plans/0/price/unit_amount");
  c = minimal_catalog();
  c["currency"] = "XYZ";
  expect_catalog_error(c, "unknown_currency", "/currency");
  c = minimal_catalog();
  c["plans"].push_back(c["plans"][0]);
  expect_catalog_error(c, "duplicate_id", "/plans/1/id");
  c = minimal_catalog();
  c["plans"][0]["tier"] = "gold";
  expect_catalog_error(c, "unknown_tier", "/plans/0/tier");
  c = minimal_catalog();
  c["plans"][0]["colour"] = "red";
  expect_catalog_error(c, "unknown_field", "/plans/0/colour");
  c = minimal_catalog();
  c["plans"][0]["prices"] = json::parse(R"([{"from":"2026-01-01","price":{"model":"flat","amount":"1"}},
                                            {"from":"2026-01-01","price":{"model":"flat","amount":"2"}}])");
  c["plans"][0].erase("price");
  expect_catalog_error(c, "unsorted_prices", "/plans/0/prices/1/from");
  c = minimal_catalog();
  c["plans"][0]["price"] = json::parse(R"({"model":"graduated","bands":[{"up_to":10,"unit_amount":"1"},{"up_to":5,"unit_amount":"1"},{"up_to":null,"unit_amount":"1"}]})");
  expect_catalog_error(c, "invalid_bands", "/plans/0/price/bands/1/up_to");
  c = minimal_catalog();
  c["plans"][0]["price"]["model"] = "magic";
  expect_catalog_error(c, "invalid_value", "/plans/0/price/model");
  c = minimal_catalog();
  c["rounding"] = json::parse(R"({"mode":"bankers"})");
  expect_catalog_error(c, "invalid_value", "/rounding/mode");
  c = minimal_catalog();
  c["tiers"].push_back(json::parse(R"({"id":"premium","name":"Premium","rank":1})"));
  expect_catalog_error(c, "duplicate_rank", "/tiers/1/rank");
  c = minimal_catalog();
  c["vendor"]["id"] = "Bad Id";
  expect_catalog_error(c, "invalid_id", "/vendor/id");
  expect_error(json::parse(Engine("{not json").status()), "invalid_json", "");
  // A failed catalog answers every call with its error.
  Engine broken("{}");
  EXPECT_FALSE(broken.ok());
  EXPECT_EQ(json::parse(broken.call("quote", "{}"))["error"]["code"], "missing_field");
}

TEST(api, every_shipped_catalog_loads_and_its_examples_pass) {
  for (const char* file : {"plans/mailstore.json", "plans/v8pro.json", "plans/invex.json", "plans/mailpro.json",
                           "plans/kalmstrom.json"}) {
    Engine engine(read(file));
    ASSERT_TRUE(engine.ok()) << file << ": " << engine.status();
    json r = json::parse(engine.call("check", "{}"));
    EXPECT_TRUE(r["result"]["passed"].get<bool>()) << file << ": " << r.dump();
  }
}

// An SLA result's conventions with as_of and without: the same but for as_of
// (without it, the engine writes its kept header with the SLA's conventions).
TEST(api, an_sla_result_states_as_of_in_its_conventions_when_given) {
  const Engine& engine = mailstore();
  json without = json::parse(engine.call("sla", R"({"tier":"premium","opened":"2026-11-20T16:30+01:00"})"));
  json with = json::parse(
      engine.call("sla", R"({"tier":"premium","opened":"2026-11-20T16:30+01:00","as_of":"2026-11-01"})"));
  ASSERT_TRUE(without["ok"].get<bool>()) << without.dump();
  ASSERT_TRUE(with["ok"].get<bool>()) << with.dump();
  EXPECT_EQ(without["result"]["conventions"]["sla"]["opening_hours"], "half_open");
  EXPECT_FALSE(without["result"]["conventions"].contains("as_of"));
  json conventions = with["result"]["conventions"];
  EXPECT_EQ(conventions["as_of"], "2026-11-01");
  conventions.erase("as_of");
  EXPECT_EQ(conventions, without["result"]["conventions"]);
  with["result"].erase("conventions");
  without["result"].erase("conventions");
  EXPECT_EQ(with, without);
}

// call() into a kept buffer: the same bytes as call() returning a string,
// whatever the buffer held before (a longer response, an error, a catalog
// that did not load).
TEST(api, a_call_into_a_kept_buffer_answers_as_call_does) {
  const Engine& engine = mailstore();
  std::string buffer = "left over from before";
  const std::pair<const char*, const char*> calls[] = {
      {"compare", R"({"quantity":10,"start":"2026-03-01","horizon_months":36})"},
      {"quote", R"({"plan":"premium-annual","quantity":10,"start":"2026-03-01"})"},
      {"quote", R"({"plan": )"},
      {"sla", R"({"tier":"premium","opened":"2026-11-20T16:30+01:00"})"},
      {"no_such_op", "{}"},
  };
  for (const auto& [op, request] : calls) {
    SCOPED_TRACE(std::string(op) + " " + request);
    engine.call(op, request, buffer);
    EXPECT_EQ(buffer, engine.call(op, request));
  }
  Engine broken("{");
  broken.call("quote", "{}", buffer);
  EXPECT_EQ(buffer, broken.status());
}
