#include "english.hpp"

#include <map>

namespace plancalc::cli {
namespace {

const std::map<std::string, std::string>& templates() {
  static const std::map<std::string, std::string> t = {
      {"price.flat", "flat price {amount}"},
      {"price.per_unit", "{quantity} {unit} × {unit_amount}"},
      {"price.graduated_band", "units {from}–{to}: {quantity} × {unit_amount}"},
      {"price.band_flat", "flat fee for units {from}–{to}: {amount}"},
      {"price.volume", "all {quantity} units at the {from}–{to} band price {unit_amount}"},
      {"price.package", "{quantity} units = {packages} packages of {package_size} × {package_amount}"},
      {"price.list_rate",
       "{rate} % of the list price {list_price} (in force from {list_price_from}) = {exact}, "
       "rounded to {unit_amount}, × {quantity}"},
      {"schedule.period", "period {index}: {start} to {end}"},
      {"effective.per_month", "{total} over {months} months"},
      {"horizon.total", "{charges} charges starting within {months} months, covering until {covered_until}"},
      {"compare.cheapest",
       "{plan} is the cheapest over {months} months: {horizon_total}, {difference} less than {next_plan} ({next_total})"},
      {"compare.only_plan", "{plan} is the only plan that can be priced"},
      {"savings.longer_period",
       "over {months} months, {longer_plan} costs {longer_cost} instead of {shorter_cost} with "
       "{shorter_plan}: {saving} ({percent} %) less"},
  };
  return t;
}

std::string arg_text(const nlohmann::ordered_json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

}  // namespace

std::string english(const nlohmann::ordered_json& explanation) {
  const std::string key = explanation.value("key", "");
  auto it = templates().find(key);
  if (it == templates().end()) return key;
  const auto& args = explanation["args"];
  std::string out;
  const std::string& t = it->second;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{') {
      std::size_t close = t.find('}', i);
      std::string name = t.substr(i + 1, close - i - 1);
      std::string value = args.contains(name) ? arg_text(args[name]) : "";
      // An open band ("to": "") reads as "and up".
      if (name == "to" && value.empty()) value = "∞";
      out += value;
      i = close;
    } else {
      out += t[i];
    }
  }
  return out;
}

}  // namespace plancalc::cli
