#include "plancalc/json/json_input.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <vector>

#include "plancalc/error/error.hpp"

namespace plancalc::json_input {
namespace {

// Bracket depth of the text, strings skipped. Done before parsing because
// the parser recurses and a hostile [[[[...]]]] must not exhaust the stack.
std::size_t max_depth(std::string_view text) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// max_depth(text) > limit. The depth never exceeds the number of opening
// brackets, which a simple count (no string state) gives quickly: most texts
// have fewer than the limit.
bool deeper_than(std::string_view text, std::size_t limit) {
  std::size_t opening = 0;
  for (char c : text) opening += static_cast<std::size_t>(c == '[') + static_cast<std::size_t>(c == '{');
  return opening > limit && max_depth(text) > limit;
}

// nlohmann's DOM parser that counts the keys it reads and, when asked to
// name them, keeps a set of the keys of each open object and the first
// duplicated key. Parse errors throw as with json::parse.
class DomParserWithDuplicateKeys {
 public:
  DomParserWithDuplicateKeys(json& out, bool name_duplicates)
      : dom_(out, /*allow_exceptions=*/true), name_duplicates_(name_duplicates) {}
  const std::string& duplicate() const { return duplicate_; }
  std::size_t keys_read() const { return keys_read_; }

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const json::string_t& s) { return dom_.number_float(v, s); }
  bool string(json::string_t& v) { return dom_.string(v); }
  bool binary(json::binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) {
    if (name_duplicates_) keys_.emplace_back();
    return dom_.start_object(n);
  }
  bool key(json::string_t& k) {
    ++keys_read_;
    if (name_duplicates_ && !keys_.back().insert(k).second && duplicate_.empty()) duplicate_ = k;
    return dom_.key(k);
  }
  bool end_object() {
    if (name_duplicates_) keys_.pop_back();
    return dom_.end_object();
  }
  bool start_array(std::size_t n) { return dom_.start_array(n); }
  bool end_array() { return dom_.end_array(); }
  template <class Exception>
  bool parse_error(std::size_t position, const std::string& token, const Exception& ex) {
    return dom_.parse_error(position, token, ex);
  }

 private:
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  bool name_duplicates_;
  std::size_t keys_read_ = 0;
  std::vector<std::set<std::string>> keys_;
  std::string duplicate_;
};

// Members of all objects in a parsed document: fewer than the keys read
// means an object had a key twice (the DOM keeps one of them).
std::size_t members(const json& v) {
  std::size_t n = 0;
  if (v.is_object()) {
    const auto& object = v.get_ref<const json::object_t&>();
    n += object.size();
    for (const auto& member : object) n += members(member.second);
  } else if (v.is_array()) {
    for (const json& item : v.get_ref<const json::array_t&>()) n += members(item);
  }
  return n;
}

}  // namespace

std::string too_large_message(std::size_t max_bytes) {
  return "input is more than " + std::to_string(max_bytes) + " bytes, the limit";
}

namespace {

void check_size_and_depth(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes) {
    fail("input_too_large", too_large_message(max_bytes));
  }
  if (deeper_than(text, kMaxDepth)) {
    fail("too_deep", "JSON nests deeper than " + std::to_string(kMaxDepth) + " levels");
  }
  // nlohmann's lexer takes a raw NUL for the end of the input and would
  // ignore what follows it; JSON has no place for one (in a string it is a
  // control character, which must be escaped as \u0000).
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    fail("invalid_json", "malformed JSON near byte " + std::to_string(nul + 1) + ": a NUL byte");
  }
}

// Runs nlohmann's SAX parser over text; its exceptions become our errors.
template <class Sax>
void sax_parse(std::string_view text, Sax& sax) {
  try {
    json::sax_parse(text.begin(), text.end(), &sax);
  } catch (const json::parse_error& e) {
    fail("invalid_json", "malformed JSON near byte " + std::to_string(e.byte));
  } catch (const json::out_of_range&) {
    // A number literal beyond what a double holds (1e400, 400 digits): the
    // parser throws out_of_range 406, not a parse error. Found by the
    // bad-input corpus; it used to surface as internal_error.
    fail("number_too_large", "a number in the input is beyond any representable value (about 1.8e308)");
  }
}

// The text, already parsed once, has an object with a key twice: a second
// parse keeps the keys of each open object to name the first duplicate.
[[noreturn]] void fail_duplicate(std::string_view text) {
  json again;
  DomParserWithDuplicateKeys naming(again, /*name_duplicates=*/true);
  sax_parse(text, naming);
  fail("duplicate_key", "the key " + excerpt(naming.duplicate()) + " appears twice in one object");
}

}  // namespace

json parse(std::string_view text, std::size_t max_bytes) {
  check_size_and_depth(text, max_bytes);
  // A DOM-building SAX parser that also rejects {"plan": "a", "plan": "b"}.
  // (Not nlohmann's callback parser: its end_object/end_array scan the parent
  // container for discarded values, which made [{}, {}, ...] quadratic -- an
  // 800 KB request of 200 000 empty objects took 15 s natively.)
  // Parsed once counting keys only (no set per object: most texts have no
  // duplicate); a duplicate found that way is named by a second parse.
  json v;
  DomParserWithDuplicateKeys counting(v, /*name_duplicates=*/false);
  sax_parse(text, counting);
  if (counting.keys_read() != members(v)) fail_duplicate(text);
  return v;
}

Request parse_request(std::string_view text, std::size_t max_bytes) {
  json v = parse(text, max_bytes);
  if (!v.is_object()) fail("invalid_request", std::string("a request is a JSON object, got ") + type_name(v));
  return v;
}

std::string child(const std::string& parent, std::string_view key) {
  std::string out;
  out.reserve(parent.size() + 1 + key.size());
  out += parent;
  out += '/';
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] != '~' && key[i] != '/') continue;
    out.append(key.data() + plain, i - plain);
    out += key[i] == '~' ? "~0" : "~1";
    plain = i + 1;
  }
  out.append(key.data() + plain, key.size() - plain);
  return out;
}

std::string child(const std::string& parent, std::size_t index) {
  return parent + "/" + std::to_string(index);
}

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::null:
      return "null";
    default:
      return "a number";
  }
}

namespace {
[[noreturn]] void wrong_type(const json& v, const Where& where, const char* expected) {
  std::string e = expected;
  std::string token = e == "a string"         ? "string"
                      : e == "true or false"  ? "boolean"
                      : e == "an integer"     ? "integer"
                      : e == "an object"      ? "object"
                      : e == "an array"       ? "array"
                                              : e;
  fail("wrong_type", std::string("expected ") + expected + ", got " + type_name(v), where.pointer(),
       {arg("expected", token), arg("got", std::string(type_name(v)))});
}

// The string of a string value, checked and not copied.
const std::string& string_ref(const json& v, const Where& where, std::size_t max_length) {
  if (!v.is_string()) wrong_type(v, where, "a string");
  const std::string& s = v.get_ref<const std::string&>();
  if (s.size() > max_length) {
    fail("string_too_long", "text of " + std::to_string(s.size()) + " bytes; the limit is " +
                                std::to_string(max_length),
         where.pointer(),
         {arg("length", static_cast<std::int64_t>(s.size())), arg("max", static_cast<std::int64_t>(max_length))});
  }
  return s;
}
}  // namespace

std::string as_string(const json& v, const Where& where, std::size_t max_length) {
  return string_ref(v, where, max_length);
}

std::string as_id(const json& v, const Where& where) {
  std::string s = as_string(v, where);
  bool ok = !s.empty() && s.size() <= 64;
  for (std::size_t i = 0; ok && i < s.size(); ++i) {
    char c = s[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    ok = alnum || (i > 0 && (c == '_' || c == '-' || c == '.'));
  }
  if (!ok) {
    fail("invalid_id",
         "an id is 1 to 64 characters a-z, 0-9, '_', '-', '.', starting with a letter or digit; "
         "got " + excerpt(s),
         where.pointer());
  }
  return s;
}

bool as_bool(const json& v, const Where& where) {
  if (!v.is_boolean()) wrong_type(v, where, "true or false");
  return v.get<bool>();
}

std::int64_t as_integer(const json& v, const Where& where, std::int64_t lo, std::int64_t hi,
                        const char* low_code, const char* high_code) {
  auto range = [&](const char* code) -> void {
    fail(code, "expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi),
         where.pointer(), {arg("min", lo), arg("max", hi)});
  };
  if (v.is_number_unsigned()) {
    auto u = v.get<std::uint64_t>();
    if (lo > 0 && u < static_cast<std::uint64_t>(lo)) range(low_code);
    if (u > static_cast<std::uint64_t>(hi)) range(high_code);
    return static_cast<std::int64_t>(u);
  }
  if (v.is_number_integer()) {
    auto i = v.get<std::int64_t>();
    if (i < lo) range(low_code);
    if (i > hi) range(high_code);
    return i;
  }
  if (v.is_number_float()) {
    double d = v.get<double>();
    // 1e30 is an absurd quantity, not merely a badly typed one.
    if (std::isfinite(d) && d > static_cast<double>(hi)) range(high_code);
    if (std::isfinite(d) && d < static_cast<double>(lo)) range(low_code);
  }
  wrong_type(v, where, "an integer");
}

Date as_date(const json& v, const Where& where) {
  const std::string& text = string_ref(v, where, 64);
  Date d = Date::from_days(0);
  if (try_parse_date(text, d)) return d;
  return parse_date(text, where.pointer());  // fails, with parse_date's message
}

Money as_amount(const json& v, const Currency& currency, const Where& where) {
  if (v.is_number()) {
    fail("wrong_type", "amounts are decimal strings such as \"7990.00\", not numbers", where.pointer());
  }
  return parse_amount(string_ref(v, where, 64), currency, where.pointer());
}

Rate as_rate(const json& v, const Where& where) {
  if (v.is_number()) {
    fail("wrong_type", "rates are decimal strings such as \"25\", not numbers", where.pointer());
  }
  return parse_rate(string_ref(v, where, 64), where.pointer());
}

const json& as_array(const json& v, const Where& where, std::size_t max_items) {
  if (!v.is_array()) wrong_type(v, where, "an array");
  if (v.size() > max_items) {
    fail("too_many_items", "at most " + std::to_string(max_items) + " items, got " +
                               std::to_string(v.size()),
         where.pointer());
  }
  return v;
}

Object::Object(const json& v, std::string path) : v_(&v), path_(std::move(path)) {
  if (!v.is_object()) wrong_type(v, path_, "an object");
}

void Object::allow_only(std::initializer_list<std::string_view> keys) const {
  auto listed = [&](const std::string& key) {
    for (std::string_view k : keys) {
      if (key == k) return true;
    }
    return false;
  };
  const std::string* unknown = nullptr;
  for (const auto& member : v_->get_ref<const json::object_t&>()) {
    if (!listed(member.first)) {
      unknown = &member.first;
      break;
    }
  }
  if (unknown) fail("unknown_field", "unknown field " + excerpt(*unknown), child(path_, *unknown));
}

const json* Object::find(std::string_view key) const {
  auto it = v_->find(key);
  return it == v_->end() ? nullptr : &*it;
}

const json& Object::at(std::string_view key) const {
  const json* v = find(key);
  if (!v) fail("missing_field", "missing field '" + std::string(key) + "'", child(path_, key));
  return *v;
}

}  // namespace plancalc::json_input
