#include "defaults.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "plancalc/api/api.hpp"

namespace plancalc::cli {
namespace {

using json = nlohmann::json;

// Reads a JSON text without building it: whether it is one valid object, and
// whether that object has a given key at its top level. (nlohmann's parser
// keeps its nesting on the heap, so even a very deep text is read safely.)
class TopLevelKey : public nlohmann::json_sax<json> {
 public:
  explicit TopLevelKey(std::string key) : key_(std::move(key)) {}
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override {
    if (depth_ == 0) object_ = true;
    ++depth_;
    return true;
  }
  bool key(string_t& k) override {
    if (depth_ == 1 && k == key_) found_ = true;
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    ++depth_;
    return true;
  }
  bool end_array() override {
    --depth_;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

  bool object() const { return object_; }
  bool found() const { return found_; }

 private:
  bool value() { return true; }
  std::string key_;
  std::size_t depth_ = 0;
  bool object_ = false;
  bool found_ = false;
};

bool json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::tm local(std::time_t now) {
  std::tm tm{};
  localtime_r(&now, &tm);
  return tm;
}

}  // namespace

std::string defaulted_field(const std::string& op) {
  if (op == "quote" || op == "compare") return "start";
  if (op == "renew" || op == "change" || op == "cancel" || op == "add_licenses") return "date";
  if (op == "sla") return "opened";
  return "";
}

std::string local_today(std::time_t now) {
  std::tm tm = local(now);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return text;
}

std::string local_now(std::time_t now) {
  std::tm tm = local(now);
  long east = tm.tm_gmtoff / 60;  // minutes east of UTC
  char sign = east < 0 ? '-' : '+';
  if (east < 0) east = -east;
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d%c%02ld:%02ld", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, sign, east / 60, east % 60);
  return text;
}

std::string with_default_date(const std::string& op, const std::string& request, std::time_t now) {
  const std::string field = defaulted_field(op);
  if (field.empty()) return request;
  TopLevelKey scan(field);
  if (!json::sax_parse(request, &scan, nlohmann::json::input_format_t::json, /*strict=*/true) || !scan.object() ||
      scan.found()) {
    return request;
  }
  // A valid object: its last character that is not white space is its "}".
  std::size_t close = request.size();
  while (close > 0 && json_space(request[close - 1])) --close;
  --close;
  std::size_t before = close;
  while (before > 0 && json_space(request[before - 1])) --before;
  const bool empty = before > 0 && request[before - 1] == '{';
  const std::string value = field == "opened" ? local_now(now) : local_today(now);
  const std::string member = (empty ? "\"" : ",\"") + field + "\":\"" + value + "\"";
  // A request the engine would refuse as too large only because of the
  // default is left as written: its answer then names the missing field.
  if (request.size() + member.size() > api::kMaxRequestBytes) return request;
  return request.substr(0, close) + member + request.substr(close);
}

}  // namespace plancalc::cli
