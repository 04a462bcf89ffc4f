// plancalc: the native command line. It reads files, builds the API request
// and prints the engine's response; every computation is the engine's
// (plancalc::api), exactly as in the browser.
//
// Exit codes: 0 ok, 1 the request or catalog was rejected (the JSON error is
// printed on stdout, one line on stderr), 2 usage error.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "plancalc/api.hpp"
#include "table.hpp"

namespace {

using ojson = nlohmann::ordered_json;

struct Options {
  std::string catalog;
  std::string request;
  std::string format = "json";
  std::string plan, tier, quantity, start, horizon, as_of;
  std::vector<std::string> billing_months, tiers, plans;
  std::vector<std::string> files;  // check
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string read_file(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A flag value goes into the request as a JSON number when it is one, else
// as a string: the engine, not the CLI, decides what is valid.
ojson flag_value(const std::string& text) {
  ojson v = ojson::parse(text, nullptr, false);
  if (!v.is_discarded() && v.is_number()) return v;
  return text;
}

// The request: --request's JSON with the convenience flags laid over it.
// Returns the text unchanged when no flag is set, so the engine sees exactly
// what the file holds (malformed JSON included).
std::string build_request(const Options& o) {
  std::string text = o.request.empty() ? "{}" : read_file(o.request);
  bool any_flag = !o.plan.empty() || !o.tier.empty() || !o.quantity.empty() || !o.start.empty() ||
                  !o.horizon.empty() || !o.as_of.empty() || !o.billing_months.empty() ||
                  !o.tiers.empty() || !o.plans.empty();
  if (!any_flag) return text;
  ojson r = ojson::parse(text, nullptr, false);
  if (r.is_discarded() || !r.is_object()) return text;  // let the engine report it
  if (!o.plan.empty()) r["plan"] = o.plan;
  if (!o.tier.empty()) r["tier"] = o.tier;
  if (!o.quantity.empty()) r["quantity"] = flag_value(o.quantity);
  if (!o.start.empty()) r["start"] = o.start;
  if (!o.horizon.empty()) r["horizon_months"] = flag_value(o.horizon);
  if (!o.as_of.empty()) r["as_of"] = o.as_of;
  if (!o.tiers.empty()) r["tiers"] = o.tiers;
  if (!o.plans.empty()) r["plans"] = o.plans;
  if (o.billing_months.size() == 1 && r.contains("plan") == false && !o.tier.empty()) {
    r["billing_months"] = flag_value(o.billing_months[0]);
  } else if (!o.billing_months.empty()) {
    ojson list = ojson::array();
    for (const auto& m : o.billing_months) list.push_back(flag_value(m));
    r["billing_months"] = list;
  }
  return r.dump();
}

// Prints a response; returns the exit code.
int emit(const std::string& op, const std::string& response, const std::string& format,
         const std::string& label = "") {
  ojson r = ojson::parse(response);
  if (!r["ok"].get<bool>()) {
    const auto& e = r["error"];
    std::cout << response << "\n";
    std::cerr << "plancalc: " << label << e["code"].get<std::string>() << ": "
              << e["message"].get<std::string>()
              << (e["path"].get<std::string>().empty() ? "" : " (at " + e["source"].get<std::string>() + " " + e["path"].get<std::string>() + ")")
              << "\n";
    return 1;
  }
  if (format == "table") {
    std::cout << (label.empty() ? "" : label + "\n") << plancalc::cli::table(op, r["result"]);
  } else {
    std::cout << response << "\n";
  }
  if (op == "check" && !r["result"]["passed"].get<bool>()) {
    std::cerr << "plancalc: " << label << "an example does not match its expected figures\n";
    return 1;
  }
  return 0;
}

int run_op(const std::string& op, const Options& o) {
  if (o.catalog.empty()) throw UsageError("--catalog FILE is required");
  plancalc::api::Engine engine(read_file(o.catalog));
  if (!engine.ok()) return emit(op, engine.status(), o.format, o.catalog + ": ");
  return emit(op, engine.call(op, build_request(o)), o.format);
}

int run_check(const Options& o) {
  std::vector<std::string> files = o.files;
  if (!o.catalog.empty()) files.insert(files.begin(), o.catalog);
  if (files.empty()) throw UsageError("name at least one catalog file");
  int code = 0;
  for (const auto& file : files) {
    plancalc::api::Engine engine(read_file(file));
    std::string label = files.size() > 1 || o.format == "table" ? file + ": " : "";
    std::string response = engine.ok() ? engine.call("check", o.request.empty() ? "{}" : read_file(o.request))
                                       : engine.status();
    code = std::max(code, emit("check", response, o.format, label));
  }
  return code;
}

void add_request_flags(CLI::App* cmd, Options& o) {
  cmd->add_option("--catalog", o.catalog, "catalog file (plans/*.json)");
  cmd->add_option("--request", o.request, "request JSON file, or - for stdin");
  cmd->add_option("--quantity", o.quantity, "seats, users or licences");
  cmd->add_option("--start", o.start, "first day of the first period, YYYY-MM-DD");
  cmd->add_option("--horizon", o.horizon, "months of the schedule (default 36)");
  cmd->add_option("--as-of", o.as_of, "read the catalog as of this date, YYYY-MM-DD");
  cmd->add_option("--format", o.format, "json (default) or table")->check(CLI::IsMember({"json", "table"}));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"plancalc — exact, explained prices for software support plans"};
  app.require_subcommand(1);
  Options o;

  auto* quote = app.add_subcommand("quote", "price one plan: first period, schedule, horizon total");
  add_request_flags(quote, o);
  quote->add_option("--plan", o.plan, "plan id");
  quote->add_option("--tier", o.tier, "tier id (with --billing-months instead of --plan)");
  quote->add_option("--billing-months", o.billing_months, "billing period in months");

  auto* compare = app.add_subcommand("compare", "rank every tier × billing period for one customer");
  add_request_flags(compare, o);
  compare->add_option("--tier", o.tiers, "only these tiers (repeatable)");
  compare->add_option("--billing-months", o.billing_months, "only these billing periods (repeatable)");
  compare->add_option("--plan", o.plans, "only these plans (repeatable)");

  auto* describe = app.add_subcommand("describe", "the catalog's vendor, tiers and plans");
  describe->add_option("--catalog", o.catalog, "catalog file");
  describe->add_option("--request", o.request, "request JSON file, or - for stdin");
  describe->add_option("--format", o.format, "json (default) or table")->check(CLI::IsMember({"json", "table"}));

  auto* check = app.add_subcommand("check", "validate catalogs and run their examples");
  check->add_option("files", o.files, "catalog files");
  check->add_option("--catalog", o.catalog, "catalog file");
  check->add_option("--request", o.request, "request JSON file (normally {})");
  check->add_option("--format", o.format, "json (default) or table")->check(CLI::IsMember({"json", "table"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  try {
    if (check->parsed()) return run_check(o);
    for (auto* cmd : {quote, compare, describe}) {
      if (cmd->parsed()) return run_op(cmd->get_name(), o);
    }
  } catch (const UsageError& e) {
    std::cerr << "plancalc: " << e.what() << "\n";
    return 2;
  }
  return 2;
}
