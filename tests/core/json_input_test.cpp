// Reading requests: parse_request is nlohmann's parse with the engine's
// limits (size, depth, duplicate keys) and answers as parse() does, then
// refuses a text that is not an object.
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

TEST(json_input, a_request_is_read_into_one_object_with_its_nested_values) {
  Request r = parse_request(R"({"op":"quote","quantity":3,"usage":{"tickets":2},"tiers":["a","b"],"x":null})", kLimit);
  Object o(r);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(*o.find("op"), "quote");
  EXPECT_EQ(*o.find("quantity"), 3);
  EXPECT_EQ(o.find("usage")->at("tickets"), 2);
  EXPECT_EQ(o.find("tiers")->size(), 2u);
  EXPECT_TRUE(o.find("x")->is_null());
  EXPECT_EQ(o.find("plan"), nullptr);
  EXPECT_EQ(o.at("op").get<std::string>(), "quote");
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
