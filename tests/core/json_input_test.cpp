// Reading requests: parse_request keeps the top level flat, and answers
// exactly as parsing the whole text into one DOM did (the same errors, in the
// same order; the same first unknown field).
#include "plancalc/json/json_input.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plancalc/error/error.hpp"

namespace {

using plancalc::Error;
using plancalc::json_input::Object;
using plancalc::json_input::parse;
using plancalc::json_input::parse_request;
using plancalc::json_input::read_flat_request;
using plancalc::json_input::Request;

constexpr std::size_t kLimit = 1024 * 1024;

// The code and message parse_request fails with, or "" when it succeeds.
std::string request_error(const std::string& text) {
  try {
    parse_request(text, kLimit);
    return "";
  } catch (const Error& e) {
    return e.code() + ": " + e.message();
  }
}

std::string dom_error(const std::string& text) {
  try {
    parse(text, kLimit);
    return "";
  } catch (const Error& e) {
    return e.code() + ": " + e.message();
  }
}

}  // namespace

TEST(json_input, a_request_keeps_its_members_in_text_order_with_nested_values_as_dom) {
  Request r = parse_request(R"({"op":"quote","quantity":3,"usage":{"tickets":2},"tiers":["a","b"],"x":null})", kLimit);
  ASSERT_EQ(r.members().size(), 5u);
  EXPECT_EQ(r.members()[0].first, "op");
  EXPECT_EQ(r.members()[4].first, "x");
  EXPECT_EQ(*r.find("op"), "quote");
  EXPECT_EQ(*r.find("quantity"), 3);
  EXPECT_EQ(r.find("usage")->at("tickets"), 2);
  EXPECT_EQ(r.find("tiers")->size(), 2u);
  EXPECT_TRUE(r.find("x")->is_null());
  EXPECT_EQ(r.find("plan"), nullptr);
}

TEST(json_input, a_request_fails_as_the_whole_text_parsed_into_one_dom_fails) {
  // Duplicates at the top level (few and many members), nested, in arrays;
  // malformed text; numbers beyond a double; too deep.
  std::string many = "{";
  for (int i = 0; i < 40; ++i) many += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  for (const std::string& text :
       {std::string(R"({"a":1,"b":2,"a":3})"), std::string(R"({"a":{"b":1,"b":2},"a":1})"),
        std::string(R"({"c":1,"a":{"b":1,"b":2},"c":1})"), std::string(R"([{"a":1,"a":2}])"),
        many + "\"k7\":1}", many + "\"k\":1}", std::string(R"({"a":1,})"), std::string(R"({"a":1} x)"),
        std::string(R"({"a":1e400})"), std::string("{\"a\":" + std::string(65, '[') + std::string(65, ']') + "}"),
        std::string("")}) {
    EXPECT_EQ(request_error(text), dom_error(text)) << text;
  }
  EXPECT_EQ(request_error(R"({"a":1,"b":2,"a":3})"), "duplicate_key: the key 'a' appears twice in one object");
}

TEST(json_input, a_request_that_is_not_an_object_is_an_invalid_request) {
  EXPECT_EQ(request_error("[1,2]"), "invalid_request: a request is a JSON object, got an array");
  EXPECT_EQ(request_error("\"quote\""), "invalid_request: a request is a JSON object, got a string");
  EXPECT_EQ(request_error("null"), "invalid_request: a request is a JSON object, got null");
  // A duplicate inside comes first, as it did.
  EXPECT_EQ(request_error(R"([{"a":1,"a":2}])"), "duplicate_key: the key 'a' appears twice in one object");
}

TEST(json_input, the_unknown_field_reported_is_the_first_in_key_order) {
  Request r = parse_request(R"({"zeta":1,"op":"quote","alpha":2,"mid":3})", kLimit);
  try {
    Object(r).allow_only({"op"});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "unknown_field");
    EXPECT_EQ(e.path(), "/alpha");
  }
}

namespace {

// Whether read_flat_request reads text; when it does, its members must be
// those nlohmann's parser gives, in the text's order, each value of the same
// type and text.
bool read_flat_as_nlohmann_does(const std::string& text) {
  std::vector<Request::Member> members;
  if (!read_flat_request(text, members)) return false;
  nlohmann::ordered_json expected;
  try {
    expected = nlohmann::ordered_json::parse(text);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "read flat, but nlohmann refuses " << text << ": " << e.what();
    return true;
  }
  EXPECT_TRUE(expected.is_object()) << text;
  EXPECT_EQ(members.size(), expected.size()) << text;  // fewer: a key twice
  std::size_t i = 0;
  for (const auto& [key, value] : expected.items()) {
    if (i >= members.size()) break;
    EXPECT_EQ(members[i].first, key) << text;
    EXPECT_EQ(static_cast<int>(members[i].second.type()), static_cast<int>(value.type())) << text;
    EXPECT_EQ(members[i].second.dump(), value.dump()) << text;
    ++i;
  }
  return true;
}

}  // namespace

TEST(json_input, flat_requests_are_read_as_nlohmann_reads_them_and_others_left_to_it) {
  for (const char* text :
       {R"({"plan":"premium-annual","quantity":10,"start":"2026-03-01","horizon_months":36})",
        " \t\r\n{ \"a\" : -7 , \"b\":0,\"c\":true,\"d\":false,\"e\":null,\"f\":\"\"}\n", "{}", " { } ",
        R"({"n":-0})", R"({"n":999999999999999999})", R"({"n":-999999999999999999})", R"({"":"x y ~/"})"}) {
    EXPECT_TRUE(read_flat_as_nlohmann_does(text)) << text;
  }
  // Left to the full parser: escapes, non-ASCII, control characters,
  // fractions and exponents, 19 digits and more, leading zeros, nested
  // values, a key twice, a BOM, other roots, anything malformed.
  for (const char* text :
       {R"({"a":"x\"y"})", R"({"a":"\u0041"})", "{\"a\":\"\xc3\xa9\"}", "{\"a\":\"\x01\"}", R"({"a":1.5})",
        R"({"a":1e3})", R"({"a":1E3})", R"({"a":1234567890123456789})", R"({"a":01})", R"({"a":-})",
        R"({"a":{"b":1}})", R"({"a":[1]})", R"({"a":1,"a":2})", "\xef\xbb\xbf{}", "[]", "1", R"("a")",
        R"({"a":1,})", R"({"a":1} x)", R"({"a" 1})", R"({"a":tru})", R"({"a":truex})", R"({"a":nul})",
        R"({a:1})", R"({"a":1)", R"({"a)", "{", "", " ", "{\"a\":1}\f", "{\f}"}) {
    std::vector<Request::Member> members;
    EXPECT_FALSE(read_flat_request(text, members)) << text;
  }
}

TEST(json_input, flat_requests_read_from_random_texts_are_what_nlohmann_reads) {
  // Requests made of pieces, then bytes changed, dropped or doubled: every
  // text read flat must be what nlohmann gives; the others are its parser's.
  const std::vector<std::string> keys = {"\"plan\"", "\"quantity\"", "\"start\"", "\"a\"", "\"plan\""};
  const std::vector<std::string> values = {"\"premium-annual\"", "10",   "-3",  "0",     "true", "false",
                                           "null",               "\"\"", "1.5", "[1]",   "{}",   "\"x\\\\y\"",
                                           "123456789012345678", "-0",   "1e2", "\"\xc3\xa9\""};
  const std::string noise = " \t\n{}[]:,\"\\-01e.tfnx\x80";
  std::mt19937 random(20261202);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  int flat = 0, left = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = "{";
    std::size_t members = pick(5);
    for (std::size_t i = 0; i < members; ++i) {
      if (i) text += pick(2) ? "," : " , ";
      text += keys[pick(keys.size())] + (pick(2) ? ":" : " : ") + values[pick(values.size())];
    }
    text += "}";
    for (std::size_t edits = pick(3); edits > 0; --edits) {
      std::size_t at = pick(text.size());
      switch (pick(3)) {
        case 0: text[at] = noise[pick(noise.size())]; break;
        case 1: text.erase(at, 1); break;
        default: text.insert(at, 1, text[at]);
      }
    }
    if (read_flat_as_nlohmann_does(text)) {
      ++flat;
    } else {
      ++left;
    }
    if (::testing::Test::HasFailure()) break;
  }
  // Both kinds, many times each.
  EXPECT_GT(flat, 3000);
  EXPECT_GT(left, 3000);
}
