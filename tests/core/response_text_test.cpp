// The direct text writers of quote and compare responses (core/src/response_text.cpp)
// gives exactly the bytes of the tree writer (response_writer.cpp), which
// stays the reference: every plan of every catalog in plans/, for quantities,
// start dates (month ends, leap days), horizons, usage, context and coupons.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../core/src/api_common.hpp"
#include "../../core/src/catalog_reader.hpp"
#include "../../core/src/response_text.hpp"
#include "../../core/src/response_writer.hpp"
#include "plancalc/compare.hpp"
#include "plancalc/error.hpp"
#include "plancalc/quote.hpp"
#include "repo_file.hpp"

namespace plancalc {
namespace {

using testing::read_repo_file;

std::string tree_text(const Catalog& c, const Quote& q, int horizon, Date start, Date as_of) {
  return response::ok(api_detail::with_header(c, as_of, response::quote(c, q, horizon, start))).dump();
}

std::vector<std::string> catalog_files() {
  auto index = nlohmann::json::parse(read_repo_file("plans/index.json"));
  std::vector<std::string> files;
  for (const auto& entry : index.at("catalogs")) files.push_back("plans/" + entry.at("file").get<std::string>());
  return files;
}

// Usage values for every key the catalog meters, and a context/coupon per discount.
std::vector<Purchase> purchases(const Catalog& c) {
  std::vector<Purchase> out{Purchase{}};
  for (std::int64_t amount : {1, 7, 90}) {
    Purchase p;
    for (const Plan& plan : c.plans) {
      for (const Allowance& a : plan.allowances) {
        bool have = false;
        for (const auto& [k, v] : p.usage) have = have || k == a.id;
        if (!have) p.usage.emplace_back(a.id, amount);
      }
    }
    for (const HourlyService& s : c.services) p.usage.emplace_back(s.id, amount * 10);
    out.push_back(p);
  }
  for (const Discount& d : c.discounts) {
    Purchase p;
    for (const auto& [k, v] : d.context) p.customer.values.emplace_back(k, v);
    if (d.coupon) p.customer.coupon = *d.coupon;
    out.push_back(p);
  }
  return out;
}

TEST(response_text, quote_matches_the_tree_writer_for_every_plan_of_every_catalog) {
  int compared = 0;
  for (const std::string& file : catalog_files()) {
    SCOPED_TRACE(file);
    Catalog c = read_catalog(read_repo_file(file));
    response_text::CatalogParts parts = response_text::catalog_parts(c);
    for (const Plan& plan : c.plans) {
      for (std::int64_t quantity : {std::int64_t{1}, plan.min_quantity, std::int64_t{7}, std::int64_t{250}}) {
        for (const char* start_text : {"2026-01-31", "2026-03-01", "2024-02-29", "2025-12-15"}) {
          Date start = parse_date(start_text, "/start");
          for (int horizon : {1, 12, 36, 61}) {
            for (const Purchase& purchase : purchases(c)) {
              Quote q;
              try {
                q = quote(c, {&plan, quantity, start, horizon, purchase});
              } catch (const Error&) {
                continue;  // an error response does not go through either writer
              }
              Date as_of = start;
              std::string tree = tree_text(c, q, horizon, start, as_of);
              ASSERT_EQ(response_text::quote_response(c, q, horizon, start, as_of), tree)
                  << plan.id << " quantity " << quantity << " start " << start_text << " horizon " << horizon;
              ASSERT_EQ(response_text::quote_response(c, q, horizon, start, as_of, &parts), tree) << "with parts";
              ++compared;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(compared, 500);
}

// Plan sets as compare requests name them: all, each tier, each billing period.
std::vector<std::vector<const Plan*>> plan_sets(const Catalog& c) {
  std::vector<std::vector<const Plan*>> sets(1);
  for (const Plan& p : c.plans) sets[0].push_back(&p);
  for (std::size_t t = 0; t < c.tiers.size(); ++t) {
    sets.emplace_back();
    for (const Plan& p : c.plans) {
      if (static_cast<std::size_t>(p.tier) == t) sets.back().push_back(&p);
    }
  }
  for (int months : {1, 12}) {
    sets.emplace_back();
    for (const Plan& p : c.plans) {
      if (p.billing_months == months) sets.back().push_back(&p);
    }
  }
  return sets;
}

TEST(response_text, comparison_matches_the_tree_writer_for_every_catalog) {
  int compared = 0;
  for (const std::string& file : catalog_files()) {
    SCOPED_TRACE(file);
    Catalog c = read_catalog(read_repo_file(file));
    response_text::CatalogParts parts = response_text::catalog_parts(c);
    for (const auto& plans : plan_sets(c)) {
      if (plans.empty()) continue;
      for (std::int64_t quantity : {1, 7, 250}) {
        for (const char* start_text : {"2026-01-31", "2024-02-29"}) {
          Date start = parse_date(start_text, "/start");
          for (int horizon : {1, 12, 36}) {
            for (const Purchase& purchase : purchases(c)) {
              Comparison cmp;
              try {
                cmp = compare(c, {plans, quantity, start, horizon, purchase});
              } catch (const Error&) {
                continue;
              }
              std::string tree = response::ok(api_detail::with_header(
                                                  c, start, response::comparison(c, cmp, quantity, horizon, start)))
                                     .dump();
              ASSERT_EQ(response_text::comparison_response(c, parts, cmp, quantity, horizon, start, start), tree)
                  << plans.size() << " plans, quantity " << quantity << " start " << start_text << " horizon "
                  << horizon;
              ++compared;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(compared, 200);
}

// Strings as nlohmann's dump() writes them (no ensure_ascii).
TEST(response_text, strings_are_escaped_as_nlohmann_dumps_them) {
  std::vector<std::string> samples = {"", "plain", "quote \" and backslash \\", "tab\tnew\nline\rcr\bff\f",
                                      std::string("nul \0 and \x1f and \x7f", 17), "ünïcödé, Русский, 日本, 😀",
                                      "</script><img onerror=alert(1)>"};
  for (int b = 0; b < 0x80; ++b) samples.push_back(std::string(1, static_cast<char>(b)));
  for (const std::string& s : samples) {
    response_text::Writer w(4);  // small: growing is exercised too
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
    nlohmann::ordered_json expected = {{s, s}, {"list", {s, -42, 18446744073709551615ull, false, nullptr}}};
    EXPECT_EQ(w.text(), expected.dump()) << s;
  }
}

TEST(response_text, invalid_utf8_is_refused_so_the_caller_falls_back) {
  for (std::string bad : {"\xff", "a\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82"}) {
    response_text::Writer w;
    EXPECT_THROW(w.string(bad), response_text::NotUtf8);
  }
}

TEST(response_text, a_repeated_explanation_arg_keeps_its_first_place_and_last_value) {
  Catalog c = read_catalog(read_repo_file("plans/mailstore.json"));
  Explanation e{"k", {{"a", std::int64_t{1}}, {"b", std::string("x")}, {"a", std::string("second")}}};
  response_text::Writer w;
  response_text::explanation(w, c, e);
  EXPECT_EQ(w.text(), response::explanation(c, e).dump());
}

}  // namespace
}  // namespace plancalc
