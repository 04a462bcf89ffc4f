// The one JSON writer (core/api/json_writer.hpp) and the responses written
// with it. The Writer escapes strings as nlohmann's dump() does and refuses
// invalid UTF-8 with dump()'s own exception; every response of every shipped
// catalog is canonical compact JSON (nlohmann's dump() of it gives the same
// bytes). The exact bytes of every operation are pinned by the
// golden corpus (tests/golden); the parts it does not reach (check's
// mismatches, errors and warnings, a support_inactive whose renewal is refused)
// are pinned here, with the texts the ordered_json tree writer gave before
// every response was written as text.
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../core/api/response_parts.hpp"
#include "plancalc/api/api.hpp"
#include "plancalc/error/error.hpp"
#include "repo_file.hpp"

namespace plancalc {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;
using testing::read_repo_file;

std::vector<std::string> catalog_files() {
  auto index = json::parse(read_repo_file("plans/index.json"));
  std::vector<std::string> files;
  for (const auto& entry : index.at("catalogs")) files.push_back("plans/" + entry.at("file").get<std::string>());
  return files;
}

// Parsing and dumping again gives the same bytes: valid, compact, escaped as
// dump() escapes, no key twice in an object.
void expect_canonical(const std::string& text, const std::string& what) {
  ordered_json parsed;
  ASSERT_NO_THROW(parsed = ordered_json::parse(text)) << what << ": " << text.substr(0, 300);
  ASSERT_EQ(parsed.dump(), text) << what;
}

// Usage for every key the catalog meters, and the context and coupon of each discount.
std::vector<json> purchases(const json& describe) {
  std::vector<json> out{json::object()};
  for (int amount : {1, 7, 90}) {
    json usage = json::object();
    for (const auto& plan : describe["plans"]) {
      for (const auto& a : plan["allowances"]) usage[a["id"].get<std::string>()] = amount;
    }
    for (const auto& s : describe["services"]) usage[s["id"].get<std::string>()] = amount * 10;
    out.push_back({{"usage", usage}});
  }
  for (const auto& d : describe["discounts"]) {
    json p = json::object();
    if (!d["context"].empty()) p["context"] = d["context"];
    out.push_back(p);
  }
  return out;
}

TEST(responses, every_response_of_every_catalog_is_canonical_json) {
  int quotes = 0;
  for (const std::string& file : catalog_files()) {
    SCOPED_TRACE(file);
    api::Engine engine(read_repo_file(file));
    ASSERT_TRUE(engine.ok()) << engine.status();
    expect_canonical(engine.status(), "status");
    std::string described = engine.call("describe", R"({"as_of":"2026-03-01"})");
    expect_canonical(described, "describe");
    expect_canonical(engine.call("check", "{}"), "check");
    json describe = json::parse(described)["result"];
    for (const auto& plan : describe["plans"]) {
      for (std::int64_t quantity : {std::int64_t{1}, plan["min_quantity"].get<std::int64_t>(), std::int64_t{250}}) {
        for (const char* start : {"2026-01-31", "2024-02-29", "2025-12-15"}) {
          for (int horizon : {1, 12, 61}) {
            for (json request : purchases(describe)) {
              request.update({{"plan", plan["id"]}, {"quantity", quantity}, {"start", start}, {"horizon_months", horizon}});
              std::string text = engine.call("quote", request.dump());
              expect_canonical(text, request.dump());
              if (json::parse(text)["ok"].get<bool>()) ++quotes;
            }
          }
        }
      }
      json renew = {{"plan", plan["id"]}, {"support_end", "2026-03-01"}, {"date", "2026-04-15"}};
      expect_canonical(engine.call("renew", renew.dump()), renew.dump());
    }
    for (std::int64_t quantity : {1, 7, 250}) {
      for (int horizon : {1, 12, 36}) {
        for (json request : purchases(describe)) {
          request.update({{"quantity", quantity}, {"start", "2024-02-29"}, {"horizon_months", horizon}});
          expect_canonical(engine.call("compare", request.dump()), "compare " + request.dump());
          for (const auto& tier : describe["tiers"]) {
            request["tiers"] = {tier["id"]};
            expect_canonical(engine.call("compare", request.dump()), "compare " + request.dump());
          }
        }
      }
    }
    for (const auto& tier : describe["tiers"]) {
      json sla = {{"tier", tier["id"]}, {"opened", "2026-03-06T16:30+01:00"}};
      expect_canonical(engine.call("sla", sla.dump()), sla.dump());
    }
  }
  EXPECT_GT(quotes, 500);
}

// Strings as nlohmann's dump() writes them (no ensure_ascii).
TEST(json_writer, strings_are_escaped_as_nlohmann_dumps_them) {
  std::vector<std::string> samples = {"", "plain", "quote \" and backslash \\", "tab\tnew\nline\rcr\bff\f",
                                      std::string("nul \0 and \x1f and \x7f", 17), "ünïcödé, Русский, 日本, 😀",
                                      "</script><img onerror=alert(1)>"};
  for (int b = 0; b < 0x80; ++b) samples.push_back(std::string(1, static_cast<char>(b)));
  for (const std::string& s : samples) {
    response_parts::Writer w(4);  // small: growing is exercised too
    w.begin_object();
    w.field(s, s);
    w.key("list");
    w.begin_array();
    w.string(s);
    w.integer(-42);
    w.unsigned_integer(18446744073709551615ull);
    w.boolean(false);
    w.null();
    w.end_array();
    w.end_object();
    ordered_json expected = {{s, s}, {"list", {s, -42, 18446744073709551615ull, false, nullptr}}};
    EXPECT_EQ(w.text(), expected.dump()) << s;
  }
}

// The message is dump()'s, so a response that met such a string answers
// internal_error with the same text as when responses were dumped trees.
TEST(json_writer, invalid_utf8_is_refused_with_the_message_of_nlohmann_dump) {
  for (std::string bad : {"\xff", "a\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "ok \x80",
                          "\xe2\x28\xa1", "\xf0\x9f\x98", "\xe0\x9f\x80", "\xf0\x8f\xbf\xbf", "\xc3\x28 tail"}) {
    std::string expected;
    try {
      ordered_json(bad).dump();
    } catch (const ordered_json::type_error& e) {
      expected = e.what();
    }
    ASSERT_FALSE(expected.empty()) << bad;
    response_parts::Writer w;
    try {
      w.string(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const json_writer::InvalidUtf8& e) {
      EXPECT_EQ(std::string(e.what()), expected);
    }
  }
}

// Amounts and dates are written in place; the text is format_amount's and
// format_date's, with the comma between values.
TEST(json_writer, amounts_and_dates_are_written_as_format_amount_and_format_date_write_them) {
  std::vector<std::int64_t> minors = {0, 1, -1, 5, 9, 10, 99, 100, 101, 999, 1000, 1200, -1200, 123456789,
                                      std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()};
  for (const char* code : {"JPY", "EUR", "KWD"}) {
    const Currency& currency = *find_currency(code);
    for (std::int64_t minor : minors) {
      Money m = Money::from_minor(minor);
      response_parts::Writer w(2);  // small: growing is exercised too
      w.begin_array();
      w.amount(m, currency);
      w.amount(m, currency);
      w.end_array();
      std::string text = format_amount(m, currency);
      EXPECT_EQ(w.text(), "[\"" + text + "\",\"" + text + "\"]") << code << " " << minor;
    }
  }
  for (const char* day : {"1900-01-01", "1999-12-31", "2000-02-29", "2026-03-01", "2999-12-31"}) {
    Date d = Date::from_days(0);
    ASSERT_TRUE(try_parse_date(day, d));
    response_parts::Writer w(2);
    w.begin_array();
    w.date(d);
    w.date(d);
    w.end_array();
    EXPECT_EQ(w.text(), std::string("[\"") + day + "\",\"" + day + "\"]");
  }
}

TEST(responses, a_repeated_explanation_arg_keeps_its_first_place_and_last_value) {
  Catalog c;
  c.currency = find_currency("EUR");
  Explanation e{"k", {{"a", std::int64_t{1}}, {"b", std::string("x")}, {"a", std::string("second")}}};
  response_parts::Writer w;
  response_parts::explanation(w, c, e);
  EXPECT_EQ(w.text(), R"({"key":"k","args":{"a":"second","b":"x"}})");
}

// check's examples and warnings when figures differ, are missing or the
// request fails (the shipped catalogs' examples all pass).
TEST(responses, check_reports_mismatches_errors_and_published_figures) {
  json catalog = json::parse(read_repo_file("plans/mailstore.json"));
  catalog["examples"] = json::parse(R"([
    {"name": "Figures of every kind, most of them wrong", "op": "quote",
     "request": {"plan": "premium-annual", "quantity": 25, "start": "2026-03-01", "horizon_months": 36},
     "expect": {"/first_period/total": "1.00", "/quantity": "24", "/plan": "{}", "/schedule/0/index": "1",
                "/schedule/01/index": "1", "/schedule/-": "1", "/schedule/9": "1", "/nope": "x", "/horizon/tax": "null",
                "/plan/id/x": "x", "/first_period/lines/0/explanation": "x", "/a~1b": "x", "/a~2b": "x"}},
    {"name": "A published figure the rules do not give", "op": "add_licenses",
     "request": {"plan": "standard-annual", "quantity": 25, "start": "2026-01-01", "date": "2026-07-02", "add": 5},
     "expect": {"/quantity_after": "30"}, "published": {"/charge": "1.00", "/missing": "2"}},
    {"name": "A request the engine refuses", "op": "quote", "request": {"plan": "gold", "start": "2026-03-01"},
     "expect": {"/plan/id": "gold"}},
    {"name": "Published figure of a result without a line", "op": "quote",
     "request": {"plan": "standard-annual", "quantity": 2, "start": "2026-03-01"},
     "expect": {"/quantity": "2"}, "published": {"/first_period/total": "0.01"}}])");
  api::Engine engine(catalog.dump());
  ASSERT_TRUE(engine.ok()) << engine.status();
  std::string text = engine.call("check", "{}");
  expect_canonical(text, "check");
  ordered_json result = ordered_json::parse(text)["result"];
  EXPECT_EQ(result["examples"].dump(),
            R"([{"name":"Figures of every kind, most of them wrong","op":"quote","passed":false,"mismatches":[)"
            R"({"pointer":"/a~1b","expected":"x","actual":null},{"pointer":"/a~2b","expected":"x","actual":null},)"
            R"({"pointer":"/first_period/lines/0/explanation","expected":"x","actual":"{\"key\":\"price.graduated_band\",)"
            R"(\"args\":{\"from\":1,\"to\":50,\"quantity\":25,\"unit_amount\":\"18.00\"}}"},)"
            R"({"pointer":"/first_period/total","expected":"1.00","actual":"450.00"},)"
            R"({"pointer":"/nope","expected":"x","actual":null},)"
            R"({"pointer":"/plan","expected":"{}","actual":"{\"id\":\"premium-annual\",\"tier\":\"premium\",)"
            R"(\"billing_months\":12,\"unit\":\"user\"}"},{"pointer":"/plan/id/x","expected":"x","actual":null},)"
            R"({"pointer":"/quantity","expected":"24","actual":"25"},{"pointer":"/schedule/-","expected":"1","actual":null},)"
            R"({"pointer":"/schedule/01/index","expected":"1","actual":null},)"
            R"({"pointer":"/schedule/9","expected":"1","actual":null}]},)"
            R"({"name":"A published figure the rules do not give","op":"add_licenses","passed":true,"mismatches":[]},)"
            R"({"name":"A request the engine refuses","op":"quote","error":{"code":"unknown_plan",)"
            R"("message":"no plan 'gold' in catalog 'mailstore'","path":"/plan"},"passed":false,"mismatches":[]},)"
            R"({"name":"Published figure of a result without a line","op":"quote","passed":true,"mismatches":[]}])");
  std::string because =
      R"({"key":"add_licenses.charge","args":{"add":5,"quantity_before":25,"quantity_after":30,"period_before":"300.00",)"
      R"("period_after":"360.00","difference":"60.00","remaining_days":183,"term_days":365,"term_end":"2027-01-01",)"
      R"("amount":"30.08"}})";
  EXPECT_EQ(result["warnings"].dump(),
            R"([{"key":"check.published_differs","args":{"example":"A published figure the rules do not give",)"
            R"("pointer":"/charge","published":"1.00","computed":"30.08"},"because":)" + because + "},"
            R"({"key":"check.published_differs","args":{"example":"A published figure the rules do not give",)"
            R"("pointer":"/missing","published":"2","computed":""},"because":)" + because + "},"
            R"({"key":"check.published_differs","args":{"example":"Published figure of a result without a line",)"
            R"("pointer":"/first_period/total","published":"0.01","computed":"24.00"}}])");
  EXPECT_FALSE(result["passed"].get<bool>());
}

// A lapsed legacy plan that may no longer be renewed: the error's args (and
// details) carry renewal_error instead of the renewal.
TEST(responses, support_inactive_with_a_renewal_that_is_refused) {
  json catalog = json::parse(read_repo_file("plans/mailstore.json"));
  for (auto& plan : catalog["plans"]) {
    if (plan["id"] == "standard-annual") plan["legacy"] = {{"sold_until", "2026-06-01"}, {"renewable_until", "2027-01-15"}};
  }
  api::Engine engine(catalog.dump());
  ASSERT_TRUE(engine.ok()) << engine.status();
  // args and details: the same object (docs/errors.md).
  std::string inner =
      R"({"support_end":"2027-01-01",)"
      R"("renewal_error":{"code":"plan_not_renewable","message":"legacy plan 'standard-annual' could be renewed until )"
      R"(2027-01-15"}})";
  std::string expected =
      R"({"ok":false,"error":{"code":"support_inactive","message":"support for plan 'standard-annual' ended on )"
      R"(2027-01-01; renew it first","path":"/date","source":"request","args":)" + inner + R"(,"details":)" + inner + "}}";
  EXPECT_EQ(engine.call("add_licenses", R"({"plan":"standard-annual","quantity":25,"start":"2026-01-01",)"
                                        R"("date":"2027-02-01","add":5})"),
            expected);
  EXPECT_EQ(engine.call("cancel", R"({"plan":"standard-annual","quantity":25,"start":"2026-01-01","date":"2027-02-01"})"),
            expected);
}

}  // namespace
}  // namespace plancalc
