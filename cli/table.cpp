#include "table.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

#include "english.hpp"

namespace plancalc::cli {
namespace {

using ojson = nlohmann::ordered_json;

// Display width of UTF-8 text (counts code points, good enough for tables).
std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string text(const ojson& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// Columns left-aligned, except those flagged right (amounts).
std::string grid(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right) {
  std::vector<std::size_t> w(right.size(), 0);
  for (const auto& r : rows) {
    for (std::size_t i = 0; i < r.size(); ++i) w[i] = std::max(w[i], width(r[i]));
  }
  std::ostringstream out;
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t i = 0; i < r.size(); ++i) {
      std::string pad(w[i] - width(r[i]), ' ');
      line += (i ? "  " : "") + (right[i] ? pad + r[i] : r[i] + pad);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
  return out.str();
}

std::string quote_table(const ojson& r) {
  const std::string cur = text(r["conventions"]["currency"]);
  std::ostringstream out;
  out << "plan " << text(r["plan"]["id"]) << ", quantity " << text(r["quantity"]) << ", "
      << text(r["first_period"]["start"]) << " to " << text(r["first_period"]["end"]) << "\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : r["first_period"]["lines"]) {
    rows.push_back({"  " + english(l["explanation"]), text(l["amount"])});
  }
  rows.push_back({"first period total (" + cur + ")", text(r["first_period"]["total"])});
  rows.push_back({"effective per month", text(r["effective_per_month"]["amount"])});
  rows.push_back({"", ""});
  for (const auto& c : r["schedule"]) {
    rows.push_back({"  " + text(c["index"]) + ". " + text(c["start"]) + " to " + text(c["end"]),
                    text(c["amount"])});
  }
  rows.push_back({"total over " + text(r["horizon"]["months"]) + " months (" + cur + ")",
                  text(r["horizon"]["total"])});
  out << grid(rows, {false, true});
  out << english(r["horizon"]["explanation"]) << "\n";
  return out.str();
}

std::string compare_table(const ojson& r) {
  const std::string cur = text(r["conventions"]["currency"]);
  std::vector<std::vector<std::string>> rows = {
      {"plan", "tier", "months", "per period", "per month", "horizon total", "rank"}};
  for (const auto& row : r["rows"]) {
    if (row.contains("error")) {
      rows.push_back({text(row["plan"]), text(row["tier"]), text(row["billing_months"]),
                      "-", "-", text(row["error"]["code"]), "-"});
      continue;
    }
    rows.push_back({text(row["plan"]), text(row["tier"]), text(row["billing_months"]),
                    text(row["first_period_total"]), text(row["effective_per_month"]),
                    text(row["horizon_total"]), text(row["rank"])});
  }
  std::ostringstream out;
  out << "quantity " << text(r["quantity"]) << ", " << text(r["horizon"]["months"])
      << " months from " << text(r["horizon"]["start"]) << ", amounts in " << cur << "\n";
  out << grid(rows, {false, false, true, true, true, true, true});
  if (!r["cheapest"].is_null()) out << "cheapest: " << english(r["cheapest"]["explanation"]) << "\n";
  for (const auto& s : r["savings"]) out << "saving: " << english(s["explanation"]) << "\n";
  return out.str();
}

std::string check_table(const ojson& r) {
  std::ostringstream out;
  for (const auto& e : r["examples"]) {
    out << (e["passed"].get<bool>() ? "  pass  " : "  FAIL  ") << text(e["name"]) << "\n";
    if (e.contains("error")) out << "        " << text(e["error"]["code"]) << ": " << text(e["error"]["message"]) << "\n";
    for (const auto& m : e["mismatches"]) {
      out << "        " << text(m["field"]) << ": expected " << text(m["expected"]) << ", got "
          << text(m["actual"]) << "\n";
    }
  }
  for (const auto& w : r["warnings"]) out << "  warning: " << english(w) << "\n";
  return out.str();
}

}  // namespace

std::string table(const std::string& op, const ojson& result) {
  if (op == "quote") return quote_table(result);
  if (op == "compare") return compare_table(result);
  if (op == "check") return check_table(result);
  return result.dump(2) + "\n";
}

}  // namespace plancalc::cli
