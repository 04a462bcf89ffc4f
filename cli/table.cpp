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
  if (!r["first_period"]["tax"].is_null()) {
    rows.push_back({"net", text(r["first_period"]["net"])});
    rows.push_back({"  " + english(r["first_period"]["tax"]["explanation"]), text(r["first_period"]["tax"]["amount"])});
  }
  rows.push_back({"first period total (" + cur + ")", text(r["first_period"]["total"])});
  rows.push_back({"effective per month", text(r["effective_per_month"]["amount"])});
  rows.push_back({"", ""});
  for (const auto& c : r["schedule"]) {
    rows.push_back({"  " + text(c["index"]) + ". " + text(c["start"]) + " to " + text(c["end"]),
                    text(c["amount"])});
  }
  rows.push_back({"total over " + text(r["horizon"]["months"]) + " " +
                      counted_word(r["horizon"]["months"], "month", "months") + " (" + cur + ")",
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
  out << "quantity " << text(r["quantity"]) << ", " << text(r["horizon"]["months"]) << " "
      << counted_word(r["horizon"]["months"], "month", "months") << " from " << text(r["horizon"]["start"])
      << ", amounts in " << cur << "\n";
  out << grid(rows, {false, false, true, true, true, true, true});
  if (!r["cheapest"].is_null()) {
    out << "cheapest: " << english(r["cheapest"]["explanation"]) << "\n";
    for (const auto& why : r["cheapest"]["reasons"]) out << "  because " << english(why) << "\n";
  }
  // With needs: which plans miss which need, and the recommendation.
  for (const auto& row : r["rows"]) {
    if (row.contains("missed")) {
      for (const auto& why : row["missed"]) out << "misses: " << text(row["plan"]) << ": " << english(why) << "\n";
    }
  }
  if (r.contains("recommendation")) {
    const auto& rec = r["recommendation"];
    if (!rec.is_null()) {
      out << "recommended: " << english(rec["explanation"]) << "\n";
      for (const auto& met : rec["met"]) out << "  " << english(met) << "\n";
    } else {
      if (!r["closest"].is_null()) out << "recommended: none. " << english(r["closest"]["explanation"]) << "\n";
      for (const auto& o : r["on_request"]) out << "  " << english(o["explanation"]) << "\n";
    }
  }
  for (const auto& b : r["break_even"]) out << "break-even: " << english(b["explanation"]) << "\n";
  for (const auto& s : r["savings"]) out << "saving: " << english(s["explanation"]) << "\n";
  // Service next to price: each tier's response targets, channels and uptime.
  for (const auto& t : r["tiers"]) {
    if (!t.contains("sla")) continue;
    const auto& sla = t["sla"];
    std::string line;
    for (const auto& target : sla["response"]) {
      line += (line.empty() ? "" : "; ") + text(target["name"]) + " " + english(target["explanation"]);
    }
    if (line.empty()) line = "no response times stated";
    if (!sla["channels"].empty()) {
      std::string channels;
      for (const auto& c : sla["channels"]) channels += (channels.empty() ? "" : ", ") + text(c);
      line += "; channels " + channels;
    }
    if (!sla["priority"].is_null()) line += "; priority " + text(sla["priority"]);
    for (const auto& u : sla["uptime"]) {
      line += "; " + text(u["name"]) + " " + text(u["percent"]) + " % uptime";
    }
    out << "sla " << text(t["id"]) << ": " << line << "\n";
  }
  return out.str();
}

std::string renew_table(const ojson& r) {
  const std::string cur = text(r["conventions"]["currency"]);
  std::ostringstream out;
  out << english(r["explanation"]) << "\n";
  out << grid({{"  " + english(r["line"]["explanation"]), text(r["amount"])},
               {"renewal (" + cur + ")", text(r["amount"])}},
              {false, true});
  out << english(r["term"]["explanation"]) << "\n";
  if (!r["gap"].is_null()) out << english(r["gap"]["explanation"]) << "\n";
  for (const auto& w : r["windows"]) {
    out << "  window " << text(w["id"]) << ": " << text(w["rate"]) << " %, until "
        << (w["last_day"].is_null() ? "any later date" : text(w["last_day"])) << ", new term from "
        << (text(w["anchor"]) == "previous_end" ? "the previous end" : "activation") << "\n";
  }
  if (!r["notice"]["vendor_notice_date"].is_null()) {
    out << "vendor's renewal notice due " << text(r["notice"]["vendor_notice_date"]) << "\n";
  }
  return out.str();
}

std::string change_table(const ojson& r) {
  const std::string cur = text(r["conventions"]["currency"]);
  std::ostringstream out;
  out << english(r["explanation"]) << "\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : r["lines"]) rows.push_back({"  " + english(l["explanation"]), text(l["amount"])});
  rows.push_back({"net due now (" + cur + ")", text(r["net"])});
  rows.push_back({"next renewal on " + text(r["next_renewal"]["date"]), text(r["next_renewal"]["amount"])});
  out << grid(rows, {false, true});
  if (!r["earliest_allowed"].is_null()) out << "earliest allowed: " << text(r["earliest_allowed"]) << "\n";
  return out.str();
}

std::string cancel_table(const ojson& r) {
  const std::string cur = text(r["conventions"]["currency"]);
  std::ostringstream out;
  out << english(r["explanation"]) << "\n";
  out << grid({{"  " + english(r["refund"]["line"]["explanation"]), text(r["refund"]["amount"])},
               {"refund (" + cur + ")", text(r["refund"]["amount"])}},
              {false, true});
  if (!r["notice"]["deadline"].is_null()) {
    out << "notice deadline " << text(r["notice"]["deadline"]) << (r["notice"]["met"].get<bool>() ? ": met" : ": missed")
        << "\n";
  }
  return out.str();
}

std::string add_licenses_table(const ojson& r) {
  const std::string cur = text(r["conventions"]["currency"]);
  return grid({{"  " + english(r["line"]["explanation"]), text(r["charge"])},
               {"charge now (" + cur + ")", text(r["charge"])},
               {"next renewal on " + text(r["next_renewal"]["date"]), text(r["next_renewal"]["amount"])}},
              {false, true});
}

std::string check_table(const ojson& r) {
  std::ostringstream out;
  for (const auto& e : r["examples"]) {
    out << (e["passed"].get<bool>() ? "  pass  " : "  FAIL  ") << text(e["name"]) << "\n";
    if (e.contains("error")) out << "        " << text(e["error"]["code"]) << ": " << text(e["error"]["message"]) << "\n";
    for (const auto& m : e["mismatches"]) {
      out << "        " << text(m["pointer"]) << ": expected " << text(m["expected"]) << ", got "
          << text(m["actual"]) << "\n";
    }
  }
  for (const auto& w : r["warnings"]) {
    out << "  warning: " << english(w) << "\n";
    if (w.contains("because")) out << "           " << english(w["because"]) << "\n";
  }
  return out.str();
}

std::string sla_table(const ojson& r) {
  std::ostringstream out;
  out << "tier " << text(r["tier"]["id"]) << " (" << text(r["tier"]["name"]) << "), request opened "
      << text(r["opened"]) << "\n";
  if (!r["channels"].empty()) {
    out << "channels:";
    for (const auto& c : r["channels"]) out << " " << text(c);
    out << (r["priority"].is_null() ? "" : "; priority " + text(r["priority"])) << "\n";
  }
  if (r["targets"].empty()) out << "no response times stated\n";
  for (const auto& t : r["targets"]) {
    out << "\n" << text(t["name"]) << " (" << text(t["level"]) << "): due " << text(t["due"]) << "\n";
    out << "  " << english(t["explanation"]) << "\n";
    for (const auto& step : t["steps"]) out << "    " << english(step) << "\n";
  }
  if (!r["uptime"].empty()) {
    std::vector<std::vector<std::string>> rows = {{"service", "uptime", "30-day month", "31-day month", "365-day year"}};
    for (const auto& u : r["uptime"]) {
      const auto& d = u["downtime"];
      rows.push_back({text(u["name"]), text(u["percent"]) + " %", text(d["month_30_days"]["duration"]),
                      text(d["month_31_days"]["duration"]), text(d["year_365_days"]["duration"])});
    }
    out << "\nallowed downtime\n" << grid(rows, {false, true, true, true, true});
  }
  if (!r["note"].is_null()) out << "\n" << text(r["note"]) << "\n";
  return out.str();
}

}  // namespace

// A proposal as it reads on paper: customer, number, validity, the items'
// dated charges line by line, totals per year, the terms.
std::string proposal_table(const ojson& r) {
  const std::string cur = text(r["conventions"]["currency"]);
  std::ostringstream out;
  out << "proposal " << text(r["proposal_id"]) << (text(r["customer"]).empty() ? "" : " for " + text(r["customer"]))
      << "\n";
  out << "issued " << text(r["issued"]) << ", " << english(r["validity"]) << "\n";
  out << "from " << text(r["start"]) << " to " << text(r["horizon"]["end"]) << " (" << text(r["horizon_months"])
      << " months), amounts in " << cur << "\n";
  if (!r["discount"].is_null()) {
    out << "negotiated discount " << text(r["discount"]["percent"]) << " % (" << text(r["discount"]["reason"])
        << ")\n";
  }
  out << (r["approval"]["required"].get<bool>() ? "APPROVAL NEEDED: " : "") << english(r["approval"]["explanation"])
      << "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& item : r["items"]) {
    std::string what = item.contains("plan") ? text(item["plan"]) : (item.contains("product") ? text(item["product"]) : text(item["service"]));
    rows.push_back({"item " + std::to_string(item["index"].get<int>() + 1) + ": " + what, ""});
    for (const auto& c : item["charges"]) {
      rows.push_back({"  " + text(c["date"]) + "  " + english(c["explanation"]), ""});
      for (const auto& l : c["lines"]) rows.push_back({"      " + english(l["explanation"]), text(l["amount"])});
      if (!c["tax"].is_null()) rows.push_back({"      " + english(c["tax"]["explanation"]), text(c["tax"]["amount"])});
      rows.push_back({"    charge total", text(c["total"])});
    }
    rows.push_back({"  item total", text(item["total"])});
  }
  rows.push_back({"", ""});
  for (const auto& y : r["years"]) {
    rows.push_back({"proposal year " + text(y["year"]) + " (" + text(y["start"]) + " to " + text(y["end"]) + ")",
                    text(y["total"])});
  }
  for (const auto& y : r["calendar_years"]) rows.push_back({"calendar year " + text(y["year"]), text(y["total"])});
  rows.push_back({"net", text(r["horizon"]["net"])});
  rows.push_back({"tax", text(r["horizon"]["tax"])});
  rows.push_back({"total (" + cur + ")", text(r["horizon"]["total"])});
  out << grid(rows, {false, true});
  out << "\nterms\n";
  for (const auto& g : r["terms"]) {
    std::string items;
    for (const auto& i : g["items"]) items += (items.empty() ? "" : ", ") + std::to_string(i.get<int>() + 1);
    out << "  item" << (g["items"].size() == 1 ? " " : "s ") << items << ":\n";
    for (const auto& t : g["terms"]) out << "    - " << english(t) << "\n";
  }
  return out.str();
}

std::string table(const std::string& op, const ojson& result) {
  if (op == "proposal") return proposal_table(result);
  if (op == "quote") return quote_table(result);
  if (op == "compare") return compare_table(result);
  if (op == "check") return check_table(result);
  if (op == "renew") return renew_table(result);
  if (op == "change") return change_table(result);
  if (op == "cancel") return cancel_table(result);
  if (op == "add_licenses") return add_licenses_table(result);
  if (op == "sla") return sla_table(result);
  return result.dump(2) + "\n";
}

}  // namespace plancalc::cli
