// Reading JSON text defensively: size and nesting limits before parsing,
// duplicate keys rejected, and typed accessors that report the JSON Pointer
// of any value that is missing, of the wrong type or out of range.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "plancalc/calendar/calendar.hpp"
#include "plancalc/money/money.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc::json_input {

using json = nlohmann::json;

constexpr std::size_t kMaxDepth = 64;
constexpr std::size_t kMaxStringLength = 1000;

// input_too_large's message for a text over max_bytes. It names the limit,
// not the size: a reader that stops one byte past the limit (the CLI on a
// pipe) cannot know the size, and every door says the same words.
std::string too_large_message(std::size_t max_bytes);

// Parses text of at most max_bytes. Errors: input_too_large, too_deep,
// invalid_json (with the byte offset), duplicate_key.
json parse(std::string_view text, std::size_t max_bytes);

// A request: a JSON object.
using Request = json;

// Parses a request: the errors of parse(), then invalid_request when the
// text is not a JSON object.
Request parse_request(std::string_view text, std::size_t max_bytes);

// JSON Pointer of a child: "/plans" + "3" -> "/plans/3"; '~' and '/' escaped.
std::string child(const std::string& parent, std::string_view key);
std::string child(const std::string& parent, std::size_t index);

const char* type_name(const json& v);

// Where a value is, for the errors about it: a JSON Pointer, or a parent's
// pointer and a key, joined only when an error names them (a request read
// without error builds no pointer).
class Where {
 public:
  Where(const std::string& pointer) : parent_(pointer) {}  // implicit: a pointer is a place
  Where(const std::string& parent, std::string_view key) : parent_(parent), key_(key), has_key_(true) {}
  std::string pointer() const { return has_key_ ? child(parent_, key_) : parent_; }

 private:
  const std::string& parent_;
  std::string_view key_;
  bool has_key_ = false;
};

// Each accessor fails with wrong_type when v has another JSON type.
std::string as_string(const json& v, const Where& where, std::size_t max_length = kMaxStringLength);
// A catalog identifier: [a-z0-9][a-z0-9_.-]{0,63}. Error: invalid_id.
std::string as_id(const json& v, const Where& where);
bool as_bool(const json& v, const Where& where);
// An integer in [lo, hi]. Below lo: low_code; above hi: high_code.
std::int64_t as_integer(const json& v, const Where& where, std::int64_t lo, std::int64_t hi,
                        const char* low_code = "out_of_range", const char* high_code = "out_of_range");
Date as_date(const json& v, const Where& where);
Money as_amount(const json& v, const Currency& currency, const Where& where);
Rate as_rate(const json& v, const Where& where);
// An array of at most max_items. Error: too_many_items.
const json& as_array(const json& v, const Where& where, std::size_t max_items);

// A JSON object being read: remembers its path, rejects unknown keys.
class Object {
 public:
  Object(const json& v, std::string path);
  // A request: the object at the root (path "").
  explicit Object(const json& v) : Object(v, std::string()) {}
  // unknown_field for any key not listed; of several, the first in key order.
  void allow_only(std::initializer_list<std::string_view> keys) const;
  const json* find(std::string_view key) const;
  // missing_field when absent.
  const json& at(std::string_view key) const;
  bool has(std::string_view key) const { return find(key) != nullptr; }
  std::string path(std::string_view key) const { return child(path_, key); }
  // The same, joined only if an error names it.
  Where where(std::string_view key) const { return Where(path_, key); }
  const std::string& path() const { return path_; }
  const json& value() const { return *v_; }

 private:
  const json* v_ = nullptr;
  std::string path_;
};

}  // namespace plancalc::json_input
