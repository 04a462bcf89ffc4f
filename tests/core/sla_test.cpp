// SLAs (issue 5): every figure of the issue, through the engine and through
// the JSON api with the shipped catalogs; the errors; and due moments that
// never go backwards when a request is opened later.
#include "plancalc/sla/sla.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "plancalc/api/api.hpp"
#include "plancalc/error/error.hpp"

using namespace plancalc;
using json = nlohmann::json;

namespace {

BusinessCalendar calendar(const char* id, const char* zone, const char* days, const char* hours,
                          std::vector<const char*> holidays = {}) {
  BusinessCalendar c;
  c.id = id;
  c.zone = PosixTz::parse(zone, "");
  c.week = parse_week({{days, hours, ""}}, "");
  for (const char* h : holidays) c.holidays.push_back(parse_date(h, ""));
  return c;
}

// Issue 5: Europe = Mon–Fri 08:00–17:00 in CET-1; America = Mon–Fri
// 09:00–17:00 in <-06>6.
const BusinessCalendar& europe() {
  static const BusinessCalendar c = calendar("europe", "CET-1", "mon-fri", "08:00-17:00");
  return c;
}
const BusinessCalendar& america() {
  static const BusinessCalendar c = calendar("america", "<-06>6", "mon-fri", "09:00-17:00");
  return c;
}

ResponseTarget hours(int h, SlaClock clock = SlaClock::business) {
  ResponseTarget t;
  t.level = "level";
  t.clock = clock;
  t.seconds = h * 3600LL;
  return t;
}

ResponseTarget business_days(int days) {
  ResponseTarget t;
  t.level = "legal";
  t.clock = SlaClock::business_days;
  t.days = days;
  return t;
}

std::string due(const ResponseTarget& t, const BusinessCalendar* c, const char* opened) {
  Due d = due_moment(t, c, parse_moment(opened, "/opened"));
  return format_moment(d.due, d.due_offset);
}

std::string error_code(const ResponseTarget& t, const BusinessCalendar* c, const char* opened) {
  try {
    due_moment(t, c, parse_moment(opened, "/opened"));
  } catch (const Error& e) {
    return e.code();
  }
  return "no error";
}

std::string read(const std::string& path) {
  std::ifstream in(std::string(PLANCALC_SOURCE_DIR) + "/" + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const api::Engine& mailpro() {
  static const api::Engine engine(read("plans/mailpro.json"));
  return engine;
}

json sla(const api::Engine& engine, const std::string& request) { return json::parse(engine.call("sla", request)); }

void expect_error(const json& r, const std::string& code, const std::string& path) {
  ASSERT_FALSE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["error"]["code"], code) << r.dump();
  EXPECT_EQ(r["error"]["path"], path) << r.dump();
}

std::string english_args(const json& step) {
  const json& a = step["args"];
  return a["duration"].get<std::string>() + " " + a["weekday"].get<std::string>() + " " +
         a["from"].get<std::string>() + "–" + a["to"].get<std::string>();
}

}  // namespace

TEST(sla, first_level_europe) {
  ResponseTarget first = hours(4);
  EXPECT_EQ(due(first, &europe(), "2026-11-20T16:30+01:00"), "2026-11-23T11:30:00+01:00");  // Friday
  EXPECT_EQ(due(first, &europe(), "2026-11-21T10:00+01:00"), "2026-11-23T12:00:00+01:00");  // Saturday
  EXPECT_EQ(due(first, &europe(), "2026-11-18T07:00+01:00"), "2026-11-18T12:00:00+01:00");  // Wednesday, early
}

TEST(sla, second_level_europe) {
  EXPECT_EQ(due(hours(8), &europe(), "2026-11-19T09:15+01:00"), "2026-11-20T08:15:00+01:00");
}

TEST(sla, first_level_america) {
  // 16:30+01:00 is 09:30-06:00.
  EXPECT_EQ(due(hours(4), &america(), "2026-11-20T16:30+01:00"), "2026-11-20T13:30:00-06:00");
}

TEST(sla, legal_five_business_days) {
  EXPECT_EQ(due(business_days(5), &europe(), "2026-11-23T10:00+01:00"), "2026-11-30T10:00:00+01:00");
}

TEST(sla, holiday) {
  BusinessCalendar c = calendar("europe", "CET-1", "mon-fri", "08:00-17:00", {"2026-12-25"});
  Due d = due_moment(hours(4), &c, parse_moment("2026-12-24T15:00+01:00", ""));
  EXPECT_EQ(format_moment(d.due, d.due_offset), "2026-12-28T10:00:00+01:00");
  ASSERT_EQ(d.steps.size(), 3u);
  EXPECT_EQ(d.steps[0].key, "sla.interval");
  EXPECT_EQ(d.steps[1].key, "sla.holiday");
  EXPECT_EQ(d.steps[2].key, "sla.interval");
}

TEST(sla, summer_time) {
  BusinessCalendar c = calendar("europe", "CET-1CEST,M3.5.0,M10.5.0/3", "mon-fri", "08:00-17:00");
  Due d = due_moment(hours(4), &c, parse_moment("2026-03-27T15:00+01:00", ""));
  EXPECT_EQ(format_moment(d.due, d.due_offset), "2026-03-30T10:00:00+02:00");
  EXPECT_EQ(d.steps.back().key, "sla.clock_change");
}

TEST(sla, calendar_clock) {
  ResponseTarget email = hours(24, SlaClock::calendar);
  ResponseTarget call = hours(36, SlaClock::calendar);
  EXPECT_EQ(due(email, nullptr, "2026-11-20T16:30Z"), "2026-11-21T16:30:00Z");
  EXPECT_EQ(due(call, nullptr, "2026-11-20T16:30Z"), "2026-11-22T04:30:00Z");
  // Opening hours and holidays do not matter; with a calendar the due moment
  // is written in its offset.
  EXPECT_EQ(due(email, &europe(), "2026-11-20T16:30Z"), "2026-11-21T17:30:00+01:00");
  // Without one, in the offset the request was written with.
  EXPECT_EQ(due(email, nullptr, "2026-11-20T17:30+01:00"), "2026-11-21T17:30:00+01:00");
}

TEST(sla, uptime_allows_downtime) {
  Rate p99 = parse_rate("99", "");
  Rate p999 = parse_rate("99.9", "");
  EXPECT_EQ(allowed_downtime(p99, 30).allowed_seconds, 7 * 3600 + 12 * 60);
  EXPECT_EQ(format_duration(allowed_downtime(p99, 30).allowed_seconds), "7 h 12 min");
  EXPECT_EQ(allowed_downtime(p99, 31).allowed_seconds, 7 * 3600 + 26 * 60 + 24);
  EXPECT_EQ(format_duration(allowed_downtime(p99, 31).allowed_seconds), "7 h 26 min 24 s");
  EXPECT_EQ(allowed_downtime(p999, 365).allowed_seconds, 8 * 3600 + 45 * 60 + 36);
  EXPECT_EQ(format_duration(allowed_downtime(p999, 365).allowed_seconds), "8 h 45 min 36 s");
  EXPECT_EQ(format_duration(0), "0 s");
  EXPECT_EQ(format_duration(45), "45 s");
  EXPECT_EQ(format_duration(3600), "1 h");
  EXPECT_EQ(format_duration(5 * 60 + 7), "5 min 7 s");
  EXPECT_EQ(format_duration(9223372036854775807), "2562047788015215 h 30 min 7 s");
  EXPECT_TRUE(allowed_downtime(p999, 365).exact);
  // 99.99999 % of 30 days is 0.2592 s: rounded down, and said so.
  Downtime tiny = allowed_downtime(parse_rate("99.99999", ""), 30);
  EXPECT_EQ(tiny.allowed_seconds, 0);
  EXPECT_FALSE(tiny.exact);
  EXPECT_EQ(allowed_downtime(parse_rate("100", ""), 365).allowed_seconds, 0);
  EXPECT_EQ(allowed_downtime(parse_rate("0", ""), 30).allowed_seconds, 30 * 86400);
}

TEST(sla, the_explanation_walks_the_counted_intervals) {
  Due d = due_moment(hours(4), &europe(), parse_moment("2026-11-20T16:30+01:00", ""));
  ASSERT_EQ(d.steps.size(), 2u);
  auto arg = [](const Explanation& e, const char* name) {
    for (const auto& [n, v] : e.args) {
      if (n == name) {
        if (auto s = std::get_if<std::string>(&v)) return *s;
        if (auto i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
        if (auto date = std::get_if<Date>(&v)) return format_date(*date);
      }
    }
    return std::string("?");
  };
  EXPECT_EQ(arg(d.steps[0], "duration") + " " + arg(d.steps[0], "weekday") + " " + arg(d.steps[0], "from") + "–" +
                arg(d.steps[0], "to"),
            "30 min fri 16:30–17:00");
  EXPECT_EQ(arg(d.steps[1], "duration") + " " + arg(d.steps[1], "weekday") + " " + arg(d.steps[1], "from") + "–" +
                arg(d.steps[1], "to"),
            "3 h 30 min mon 08:00–11:30");
  EXPECT_EQ(arg(d.steps[1], "date"), "2026-11-23");
  EXPECT_EQ(d.explanation.key, "sla.due.business");
  EXPECT_EQ(arg(d.explanation, "due"), "2026-11-23T11:30:00+01:00");
  // Opened on Saturday: the first step says where counting starts.
  Due sat = due_moment(hours(4), &europe(), parse_moment("2026-11-21T10:00+01:00", ""));
  EXPECT_EQ(sat.steps[0].key, "sla.opened_outside_hours");
  EXPECT_EQ(arg(sat.steps[0], "start"), "2026-11-23T08:00:00+01:00");
  // Exactly at closing: said so.
  Due closing = due_moment(hours(4), &europe(), parse_moment("2026-11-20T13:00+01:00", ""));
  EXPECT_EQ(format_moment(closing.due, closing.due_offset), "2026-11-20T17:00:00+01:00");
  EXPECT_EQ(closing.steps.back().key, "sla.due_at_closing");
  // A long walk lists the first and last intervals and one summary between.
  Due long_walk = due_moment(hours(1000), &europe(), parse_moment("2026-11-20T16:30+01:00", ""));
  EXPECT_EQ(long_walk.steps.size(), kMaxListedSteps + 1);
  EXPECT_EQ(long_walk.steps[kMaxListedSteps / 2].key, "sla.intervals_omitted");
}

TEST(sla, targets_beyond_the_limits_are_refused_never_walked) {
  EXPECT_EQ(error_code(hours(1'000'000'000), &europe(), "2026-11-20T16:30+01:00"), "out_of_range");
  EXPECT_EQ(error_code(hours(0), &europe(), "2026-11-20T16:30+01:00"), "out_of_range");
  EXPECT_EQ(error_code(business_days(1001), &europe(), "2026-11-20T16:30+01:00"), "out_of_range");
  EXPECT_EQ(error_code(hours(4), nullptr, "2026-11-20T16:30+01:00"), "missing_field");
  EXPECT_EQ(error_code(hours(10'000), &europe(), "2026-11-20T16:30+01:00"), "no error");
  EXPECT_EQ(error_code(hours(10'000, SlaClock::calendar), nullptr, "2999-12-01T00:00Z"), "due_out_of_range");
}

// Opening a request later never makes it due earlier, on any clock, across a
// weekend, a holiday and both changes of the clocks.
TEST(sla, due_is_monotone_in_the_opening_moment) {
  BusinessCalendar dst = calendar("dst", "CET-1CEST,M3.5.0,M10.5.0/3", "mon-fri", "08:00-12:00,13:00-17:00",
                                  {"2026-03-30", "2026-10-26"});
  for (const char* from : {"2026-03-25T00:00+01:00", "2026-10-21T00:00+02:00"}) {
    for (const ResponseTarget& t : {hours(4), hours(8), business_days(5), hours(36, SlaClock::calendar)}) {
      std::int64_t start = parse_moment(from, "").moment.seconds();
      std::int64_t previous = 0;
      for (std::int64_t s = start; s < start + 10 * 86400; s += 7 * 60) {
        Due d = due_moment(t, &dst, {Moment::from_seconds(s), 0});
        ASSERT_GE(d.due.seconds(), previous) << to_string(t.clock) << " opened " << format_moment(Moment::from_seconds(s), 0);
        ASSERT_GE(d.due.seconds(), s);
        previous = d.due.seconds();
      }
    }
  }
}

// --- Through the JSON api with the shipped catalogs -------------------------

TEST(sla, api_mailpro_figures) {
  json r = sla(mailpro(), R"({"tier":"standard","level":"first","opened":"2026-11-20T16:30+01:00"})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const json& t = r["result"]["targets"][0];
  EXPECT_EQ(t["due"], "2026-11-23T11:30:00+01:00");
  EXPECT_EQ(t["calendar"]["id"], "europe");
  EXPECT_EQ(t["calendar"]["zone"], "CET-1");
  EXPECT_EQ(t["clock"], "business");
  EXPECT_EQ(t["target"]["hours"], 4);
  ASSERT_EQ(t["steps"].size(), 2u);
  EXPECT_EQ(english_args(t["steps"][0]), "30 min fri 16:30–17:00");
  EXPECT_EQ(english_args(t["steps"][1]), "3 h 30 min mon 08:00–11:30");
  EXPECT_EQ(r["result"]["conventions"]["sla"]["exactly_at_closing"], "due_at_closing");

  auto due_of = [&](const std::string& request) {
    json res = sla(mailpro(), request);
    EXPECT_TRUE(res["ok"].get<bool>()) << res.dump();
    return res["result"]["targets"][0]["due"].get<std::string>();
  };
  EXPECT_EQ(due_of(R"({"tier":"standard","level":"first","opened":"2026-11-21T10:00+01:00"})"), "2026-11-23T12:00:00+01:00");
  EXPECT_EQ(due_of(R"({"tier":"standard","level":"first","opened":"2026-11-18T07:00+01:00"})"), "2026-11-18T12:00:00+01:00");
  EXPECT_EQ(due_of(R"({"tier":"standard","level":"second","opened":"2026-11-19T09:15+01:00"})"), "2026-11-20T08:15:00+01:00");
  EXPECT_EQ(due_of(R"({"tier":"standard","level":"first","opened":"2026-11-20T16:30+01:00","region":"america"})"),
            "2026-11-20T13:30:00-06:00");
  EXPECT_EQ(due_of(R"({"tier":"standard","level":"legal","opened":"2026-11-23T10:00+01:00"})"), "2026-11-30T10:00:00+01:00");
  EXPECT_EQ(due_of(R"({"plan":"standard-annual","level":"legal","opened":"2026-11-23T09:00Z"})"), "2026-11-30T10:00:00+01:00");

  // Every level when none is asked for; uptime as downtime.
  r = sla(mailpro(), R"({"tier":"standard","opened":"2026-11-20T16:30+01:00"})");
  ASSERT_EQ(r["result"]["targets"].size(), 3u);
  const json& website = r["result"]["uptime"][0];
  EXPECT_EQ(website["percent"], "99");
  EXPECT_EQ(website["downtime"]["month_30_days"]["duration"], "7 h 12 min");
  EXPECT_EQ(website["downtime"]["month_31_days"]["duration"], "7 h 26 min 24 s");
  EXPECT_EQ(r["result"]["uptime"].size(), 5u);
}

TEST(sla, api_kalmstrom_calendar_hours) {
  static const api::Engine kalmstrom(read("plans/kalmstrom.json"));
  json r = sla(kalmstrom, R"({"tier":"subscription","opened":"2026-11-20T16:30Z"})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["result"]["targets"][0]["level"], "email");
  EXPECT_EQ(r["result"]["targets"][0]["due"], "2026-11-21T16:30:00Z");
  EXPECT_EQ(r["result"]["targets"][0]["calendar"], nullptr);
  EXPECT_EQ(r["result"]["targets"][1]["due"], "2026-11-22T04:30:00Z");
}

TEST(sla, api_mailstore_states_channels_not_hours) {
  static const api::Engine mailstore(read("plans/mailstore.json"));
  json r = sla(mailstore, R"({"tier":"premium","opened":"2026-11-20T16:30Z"})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_TRUE(r["result"]["targets"].empty());
  EXPECT_EQ(r["result"]["priority"], "top");
  EXPECT_EQ(r["result"]["channels"], json::parse(R"(["email","phone"])"));
  EXPECT_NE(r["result"]["note"].get<std::string>().find("no response times"), std::string::npos);
  expect_error(sla(mailstore, R"({"tier":"premium","level":"first","opened":"2026-11-20T16:30Z"})"), "unknown_level",
               "/level");
}

TEST(sla, api_compare_and_describe_carry_the_sla) {
  json r = json::parse(mailpro().call("compare", R"({"quantity":1,"start":"2026-11-01","horizon_months":12})"));
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  json s;
  for (const auto& t : r["result"]["tiers"]) {
    if (t["id"] == "standard") s = t["sla"];
  }
  EXPECT_EQ(s["response"][0]["level"], "first");
  EXPECT_EQ(s["response"][0]["calendars"], json::parse(R"(["europe","america"])"));
  EXPECT_EQ(s["response"][2]["target"]["days"], 5);
  EXPECT_EQ(s["uptime"][4]["downtime"]["year_365_days"]["duration"], "87 h 36 min");
  r = json::parse(mailpro().call("describe", "{}"));
  EXPECT_EQ(r["result"]["calendars"][1]["zone"], "<-06>6");
  EXPECT_EQ(r["result"]["calendars"][0]["hours"]["mon-fri"], "08:00-17:00");
}

TEST(sla, api_errors) {
  expect_error(sla(mailpro(), R"({"tier":"standard","opened":"2026-11-20T16:30"})"), "invalid_moment", "/opened");
  expect_error(sla(mailpro(), R"({"tier":"standard","opened":"2026-11-31T16:30Z"})"), "invalid_moment", "/opened");
  expect_error(sla(mailpro(), R"({"tier":"standard"})"), "missing_field", "/opened");
  expect_error(sla(mailpro(), R"({"tier":"standard","opened":1700000000})"), "wrong_type", "/opened");
  expect_error(sla(mailpro(), R"({"tier":"standard","level":"third","opened":"2026-11-20T16:30Z"})"), "unknown_level",
               "/level");
  expect_error(sla(mailpro(), R"({"tier":"gold","opened":"2026-11-20T16:30Z"})"), "unknown_tier", "/tier");
  expect_error(sla(mailpro(), R"({"opened":"2026-11-20T16:30Z"})"), "missing_field", "/tier");
  expect_error(sla(mailpro(), R"({"tier":"standard","opened":"2026-11-20T16:30Z","region":"asia"})"),
               "unknown_calendar", "/region");
  expect_error(sla(mailpro(), R"({"tier":"standard","opened":"2026-11-20T16:30Z","regoin":"europe"})"),
               "unknown_field", "/regoin");
  static const api::Engine v8pro(read("plans/v8pro.json"));
  expect_error(sla(v8pro, R"({"tier":"support","opened":"2026-11-20T16:30Z"})"), "no_sla", "/tier");
}

namespace {

// A catalog with one calendar and one target, with parts replaced.
json sla_catalog() {
  return json::parse(R"({"format":1,"vendor":{"id":"t","name":"T"},"currency":"EUR",
    "calendars":[{"id":"europe","name":"Europe","zone":"CET-1","hours":{"mon-fri":"08:00-17:00"},
                  "holidays":["2026-12-25"]}],
    "tiers":[{"id":"basic","name":"Basic","rank":1,"sla":{"response":[
      {"level":"first","name":"First level","clock":"business","hours":4}]}}],
    "plans":[{"id":"basic-monthly","tier":"basic","billing_months":1,
              "price":{"model":"per_unit","unit_amount":"10.00"}}]})");
}

json load(const json& catalog) { return json::parse(api::Engine(catalog.dump()).status()); }

}  // namespace

TEST(sla, catalog_errors) {
  ASSERT_TRUE(load(sla_catalog())["ok"].get<bool>()) << load(sla_catalog()).dump();
  json c = sla_catalog();
  c["calendars"][0]["hours"] = json::object();
  expect_error(load(c), "no_opening_hours", "/calendars/0/hours");
  c = sla_catalog();
  c["calendars"][0]["hours"] = {{"mon-fri", "closed"}};
  expect_error(load(c), "no_opening_hours", "/calendars/0/hours");
  c = sla_catalog();
  c["tiers"][0]["sla"]["response"][0]["hours"] = 1'000'000'000;
  expect_error(load(c), "out_of_range", "/tiers/0/sla/response/0/hours");
  c = sla_catalog();
  c["tiers"][0]["sla"]["response"][0]["hours"] = 10'001;
  expect_error(load(c), "out_of_range", "/tiers/0/sla/response/0/hours");
  c = sla_catalog();
  c["tiers"][0]["sla"]["response"][0]["hours"] = 10'000;
  EXPECT_TRUE(load(c)["ok"].get<bool>());
  c = sla_catalog();
  c["calendars"][0]["zone"] = "CET-1CEST";
  expect_error(load(c), "invalid_zone", "/calendars/0/zone");
  c = sla_catalog();
  c["calendars"][0]["hours"] = {{"mon-fri", "17:00-08:00"}};
  expect_error(load(c), "invalid_hours", "/calendars/0/hours/mon-fri");
  c = sla_catalog();
  c["calendars"][0]["holidays"] = {"2026-12-25", "2026-12-25"};
  expect_error(load(c), "invalid_value", "/calendars/0/holidays/1");
  c = sla_catalog();
  c["tiers"][0]["sla"]["response"][0]["clock"] = "wall";
  expect_error(load(c), "invalid_value", "/tiers/0/sla/response/0/clock");
  c = sla_catalog();
  c["tiers"][0]["sla"]["response"][0]["days"] = 5;
  expect_error(load(c), "invalid_value", "/tiers/0/sla/response/0/days");
  c = sla_catalog();
  c["tiers"][0]["sla"]["response"][0]["calendars"] = {"asia"};
  expect_error(load(c), "unknown_calendar", "/tiers/0/sla/response/0/calendars/0");
  c = sla_catalog();
  c.erase("calendars");
  expect_error(load(c), "missing_field", "/tiers/0/sla/response/0/clock");
  c = sla_catalog();
  c["tiers"][0]["sla"]["uptime"] = {{{"service", "api"}, {"name", "API"}, {"percent", "100.5"}}};
  expect_error(load(c), "invalid_rate", "/tiers/0/sla/uptime/0/percent");
  c = sla_catalog();
  c["tiers"][0]["sla"]["channels"] = {"pigeon"};
  expect_error(load(c), "invalid_value", "/tiers/0/sla/channels/0");
  c = sla_catalog();
  c["tiers"][0]["sla"]["response"].push_back(c["tiers"][0]["sla"]["response"][0]);
  expect_error(load(c), "duplicate_id", "/tiers/0/sla/response/1/level");
}
