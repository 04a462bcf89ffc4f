// plancalc: the native command line. It reads files, builds the API request
// and prints the engine's response; every computation is the engine's
// (plancalc::api), exactly as in the browser.
//
// Exit codes: 0 ok, 1 the request or catalog was rejected (the JSON error is
// printed on stdout, one line on stderr), 2 usage error.
#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <iostream>
#include <iterator>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "plancalc/api/api.hpp"
#include "batch.hpp"
#include "check.hpp"
#include "defaults.hpp"
#include "input.hpp"
#include "plancalc/api/memory_reserve.hpp"
#include "english.hpp"
#include "table.hpp"

namespace {

using ojson = nlohmann::ordered_json;

struct Options {
  std::string catalog;
  std::string request;
  std::string format = "json";
  // Convenience flags: request key -> text given (a number if it reads as one).
  std::map<std::string, std::string> fields;
  std::vector<std::string> billing_months, tiers, plans;  // compare filters
  std::vector<std::string> usage, context;                // KEY=VALUE each
  std::vector<std::string> files;                          // check
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An input too large to read: the engine's answer to it, already made.
struct RejectedInput {
  std::string response;
  std::string label;
};

// A file's text (path "-": stdin), read no further than the engine's limit
// for it; a longer one is answered with input_too_large (RejectedInput).
std::string read_file(const std::string& path, bool catalog) {
  const std::size_t limit = catalog ? plancalc::api::kMaxCatalogBytes : plancalc::api::kMaxRequestBytes;
  plancalc::cli::Input input;
  try {
    input = plancalc::cli::read_input(path, limit);
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());
  }
  if (input.too_large) {
    throw RejectedInput{plancalc::api::too_large_response(limit, catalog ? plancalc::Source::catalog : plancalc::Source::request),
                        catalog ? path + ": " : ""};
  }
  return std::move(input.text);
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
  std::string text = o.request.empty() ? "{}" : read_file(o.request, false);
  bool any_field = std::any_of(o.fields.begin(), o.fields.end(), [](const auto& f) { return !f.second.empty(); });
  if (!any_field && o.billing_months.empty() && o.tiers.empty() && o.plans.empty() && o.usage.empty() &&
      o.context.empty()) {
    return text;
  }
  // nlohmann stops at a NUL byte: such a text goes to the engine as it is.
  if (text.find('\0') != std::string::npos) return text;
  ojson r = ojson::parse(text, nullptr, false);
  if (r.is_discarded() || !r.is_object()) return text;  // let the engine report it
  for (const auto& [key, value] : o.fields) {
    if (!value.empty()) r[key] = flag_value(value);
  }
  auto list = [](const std::vector<std::string>& items) {
    ojson out = ojson::array();
    for (const auto& item : items) out.push_back(flag_value(item));
    return out;
  };
  if (!o.tiers.empty()) r["tiers"] = list(o.tiers);
  if (!o.plans.empty()) r["plans"] = list(o.plans);
  if (!o.billing_months.empty()) r["billing_months"] = list(o.billing_months);
  // KEY=VALUE pairs into an object; values as numbers (usage) or strings (context).
  auto pairs = [](const std::vector<std::string>& items, bool numbers) {
    ojson out = ojson::object();
    for (const auto& item : items) {
      auto eq = item.find('=');
      if (eq == std::string::npos) throw UsageError("expected KEY=VALUE, got '" + item + "'");
      std::string value = item.substr(eq + 1);
      out[item.substr(0, eq)] = numbers ? flag_value(value) : ojson(value);
    }
    return out;
  };
  if (!o.usage.empty()) r["usage"] = pairs(o.usage, true);
  if (!o.context.empty()) r["context"] = pairs(o.context, false);
  return r.dump();
}

// The engine's out_of_memory response (api.cpp), for memory the CLI itself ran out of.
std::string out_of_memory_response() {
  return R"({"ok":false,"error":{"code":"out_of_memory","message":"the input needs more memory than is available","path":"","source":"request"}})";
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
  if (op == "check") {
    for (const auto& w : r["result"]["warnings"]) {
      std::cerr << "plancalc: " << label << "warning: " << plancalc::cli::english(w)
                << (w.contains("because") ? " (" + plancalc::cli::english(w["because"]) + ")" : "") << "\n";
    }
  }
  if (op == "check" && !r["result"]["passed"].get<bool>()) {
    std::cerr << "plancalc: " << label << "an example does not match its expected figures\n";
    return 3;  // the catalog loaded: not a rejection (1), a failed check
  }
  return 0;
}

// A request on stdin that a rejected catalog leaves unanswered is read all
// the same, so that whatever writes it does not fail on a closed pipe (EPIPE;
// the CLI tests' runner did, at random).
// At most the request limit is read: an endless stdin must not hold the answer.
void read_unused_stdin(const Options& o) {
  if (o.request == "-") plancalc::cli::read_input("-", plancalc::api::kMaxRequestBytes);
}

int run_op(const std::string& op, const Options& o) {
  if (o.catalog.empty()) throw UsageError("--catalog FILE is required");
  plancalc::api::Engine engine(read_file(o.catalog, true));
  if (!engine.ok()) {
    read_unused_stdin(o);
    return emit(op, engine.status(), o.format, o.catalog + ": ");
  }
  // The field the page defaults (today, or now for sla), unless given.
  std::string request = plancalc::cli::with_default_date(op, build_request(o), std::time(nullptr));
  return emit(op, engine.call(op, request), o.format);
}

// `check`: each file named, a directory's catalogs as its index.json lists
// them; the list of catalogs and the catalog JSON Schema (plans/*.json takes
// both) are recognised by their content and skipped with a note on stderr.
int run_check(const Options& o) {
  std::vector<std::string> named = o.files;
  if (!o.catalog.empty()) named.insert(named.begin(), o.catalog);
  if (named.empty()) throw UsageError("name at least one catalog file or a directory with an index.json");
  std::vector<std::string> files;
  for (const auto& name : named) {
    std::error_code ec;
    if (!std::filesystem::is_directory(name, ec)) {
      files.push_back(name);
      continue;
    }
    try {
      auto listed = plancalc::cli::listed_catalogs(name);
      files.insert(files.end(), listed.begin(), listed.end());
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  }
  std::vector<std::pair<std::string, std::string>> catalogs;  // file, text
  std::string skipped_list;
  for (const auto& file : files) {
    std::string text = read_file(file, true);
    auto kind = plancalc::cli::file_kind(text);
    if (kind != plancalc::cli::FileKind::catalog) {
      std::cerr << "plancalc: skipped: " << plancalc::cli::skip_reason(kind, file) << "\n";
      if (kind == plancalc::cli::FileKind::catalog_list) skipped_list = file;
      continue;
    }
    catalogs.emplace_back(file, std::move(text));
  }
  if (catalogs.empty()) {
    std::string dir = std::filesystem::path(skipped_list).parent_path().string();
    throw UsageError("no catalog to check" +
                     (skipped_list.empty() ? std::string()
                                           : "; the catalogs it lists: plancalc check " + (dir.empty() ? "." : dir) + "/"));
  }
  const bool labelled = catalogs.size() > 1 || o.format == "table";
  int code = 0;
  for (const auto& [file, text] : catalogs) {
    plancalc::api::Engine engine(text);
    std::string label = labelled ? file + ": " : "";
    if (!engine.ok()) read_unused_stdin(o);
    std::string response = engine.ok() ? engine.call("check", o.request.empty() ? "{}" : read_file(o.request, false))
                                       : engine.status();
    code = std::max(code, emit("check", response, o.format, label));
  }
  return code;
}

void add_common_flags(CLI::App* cmd, Options& o) {
  cmd->add_option("--catalog", o.catalog, "catalog file (plans/*.json)");
  cmd->add_option("--request", o.request, "request JSON file, or - for stdin");
  cmd->add_option("--as-of", o.fields["as_of"], "read the catalog as of this date, YYYY-MM-DD");
  cmd->add_option("--format", o.format, "json (default) or table")->check(CLI::IsMember({"json", "table"}));
}

// A flag that sets one request field.
void field(CLI::App* cmd, Options& o, const std::string& flag, const std::string& key, const std::string& help) {
  cmd->add_option(flag, o.fields[key], help);
}

}  // namespace

int main(int argc, char** argv) {
  plancalc::api::hold_memory_reserve();
  CLI::App app{"plancalc — exact, explained prices for software support plans"};
  app.require_subcommand(1);
  Options o;

  // Expected usage, customer context and coupon, for quote and compare.
  auto purchase_flags = [&](CLI::App* cmd) {
    cmd->add_option("--usage", o.usage, "expected usage a month, KEY=N (tickets=8; hourly services in minutes)");
    cmd->add_option("--context", o.context, "customer context, KEY=VALUE (deployment=cloud)");
    field(cmd, o, "--coupon", "coupon", "a coupon code");
  };
  auto* quote = app.add_subcommand("quote", "price one plan: first period, schedule, horizon total");
  add_common_flags(quote, o);
  purchase_flags(quote);
  field(quote, o, "--plan", "plan", "plan id");
  field(quote, o, "--tier", "tier", "tier id (with --billing-months instead of --plan)");
  field(quote, o, "--billing-months", "billing_months", "billing period in months (with --tier)");
  field(quote, o, "--quantity", "quantity", "seats, users or licences");
  field(quote, o, "--start", "start", "first day of the first period, YYYY-MM-DD (default: today, local date)");
  field(quote, o, "--horizon", "horizon_months", "months of the schedule (default 36)");

  auto* compare = app.add_subcommand("compare", "rank every tier × billing period for one customer");
  add_common_flags(compare, o);
  purchase_flags(compare);
  field(compare, o, "--quantity", "quantity", "seats, users or licences");
  field(compare, o, "--start", "start", "first day of the first period, YYYY-MM-DD (default: today, local date)");
  field(compare, o, "--horizon", "horizon_months", "months of the schedule (default 36)");
  compare->add_option("--tier", o.tiers, "only these tiers (repeatable)");
  compare->add_option("--billing-months", o.billing_months, "only these billing periods (repeatable)");
  compare->add_option("--plan", o.plans, "only these plans (repeatable)");

  auto* renew = app.add_subcommand("renew", "price a support renewal on a date: window, rate, new term");
  add_common_flags(renew, o);
  field(renew, o, "--plan", "plan", "the subscription plan to renew, or");
  field(renew, o, "--product", "product", "the product whose support is renewed");
  field(renew, o, "--quantity", "quantity", "licences or users (default 1)");
  field(renew, o, "--support-end", "support_end", "first day without support, YYYY-MM-DD, or");
  field(renew, o, "--purchase-date", "purchase_date", "the product's purchase date (support included from it)");
  field(renew, o, "--date", "date", "the renewal date, YYYY-MM-DD (default: today, local date)");

  // The contract flags shared by change, cancel and add-licenses.
  auto contract_flags = [&](CLI::App* cmd) {
    add_common_flags(cmd, o);
    field(cmd, o, "--plan", "plan", "the current plan");
    field(cmd, o, "--quantity", "quantity", "current users or licences (default 1)");
    field(cmd, o, "--start", "start", "first day of the current run of terms, YYYY-MM-DD");
    field(cmd, o, "--support-end", "support_end", "first day without support, if not implied by the plan");
    field(cmd, o, "--date", "date", "the day of the change, notice or purchase, YYYY-MM-DD (default: today, local date)");
  };
  auto* change = app.add_subcommand("change", "upgrade, downgrade or switch billing: allowed?, credit, charge");
  contract_flags(change);
  field(change, o, "--target", "target", "the plan to change to");
  field(change, o, "--target-quantity", "target_quantity", "users or licences after the change (default: unchanged)");
  auto* cancel = app.add_subcommand("cancel", "end a contract: last day of service, refund, notice");
  contract_flags(cancel);
  // Named as the API op; `add-licenses` is the same command.
  auto* add_licenses = app.add_subcommand("add_licenses", "buy more units co-termed to the current term");
  add_licenses->alias("add-licenses");
  contract_flags(add_licenses);
  field(add_licenses, o, "--add", "add", "how many units to add");

  auto* sla = app.add_subcommand("sla", "when is the answer due: a tier's response targets and uptime");
  add_common_flags(sla, o);
  field(sla, o, "--tier", "tier", "tier id");
  field(sla, o, "--plan", "plan", "a plan of the tier, instead of --tier");
  field(sla, o, "--level", "level", "support level (default: every level of the tier)");
  field(sla, o, "--opened", "opened", "when the request is opened, RFC 3339 with an offset: 2026-11-20T16:30+01:00 "
        "(default: now, local time to the minute)");
  field(sla, o, "--region", "region", "calendar (region) to count in (default: each target's first)");

  auto* proposal = app.add_subcommand(
      "proposal",
      "price a sales proposal: plan, product and service items, negotiated discount, validity, yearly totals, terms");
  add_common_flags(proposal, o);
  proposal->footer(
      "The request (--request FILE, or - for stdin) holds the items, e.g.\n"
      "  {\"customer\": \"Acme GmbH\", \"issued\": \"2026-12-01\", \"valid_days\": 30, \"start\": \"2027-01-01\",\n"
      "   \"horizon_months\": 36, \"items\": [{\"plan\": \"premium-annual\", \"quantity\": 25,\n"
      "   \"steps\": [{\"date\": \"2027-07-02\", \"quantity\": 35}]}],\n"
      "   \"discount\": {\"percent\": \"10\", \"reason\": \"3-year commitment\"}}\n"
      "Example: plancalc proposal --catalog plans/mailstore.json --request docs/examples/mailstore-proposal.json "
      "--format table\n"
      "Items: {\"plan\", \"quantity\", \"date\", \"steps\"}, {\"product\", \"quantity\", \"date\"}, "
      "{\"service\", \"hours\" or \"minutes\", \"date\"}; each may carry its own \"discount\". See docs/api.md.");
  field(proposal, o, "--customer", "customer", "the customer's name");
  field(proposal, o, "--issued", "issued", "the day the proposal is issued, YYYY-MM-DD");
  field(proposal, o, "--valid-days", "valid_days", "days the proposal can be accepted (default 30)");
  field(proposal, o, "--start", "start", "first day of the proposal, YYYY-MM-DD");
  field(proposal, o, "--horizon", "horizon_months", "months the proposal covers (default 36)");
  proposal->add_option("--context", o.context, "customer context, KEY=VALUE (deployment=cloud)");

  auto* describe = app.add_subcommand("describe", "the catalog's vendor, tiers and plans");
  add_common_flags(describe, o);

  auto* check = app.add_subcommand("check", "validate catalogs and run their examples");
  check->add_option("files", o.files,
                    "catalog files, or a directory: the catalogs its index.json lists (plancalc check plans/); "
                    "a list of catalogs or a JSON Schema among the files is skipped with a note");
  check->add_option("--catalog", o.catalog, "catalog file");
  check->add_option("--request", o.request, "request JSON file (normally {})");
  check->add_option("--format", o.format, "json (default) or table")->check(CLI::IsMember({"json", "table"}));

  auto* batch = app.add_subcommand(
      "batch", "answer NDJSON requests from stdin, one response line on stdout per line; each names its \"op\"");
  batch->add_option("--catalog", o.catalog, "catalog file (plans/*.json)");
  batch->add_option("--format", o.format, "json (the only format of batch)")->check(CLI::IsMember({"json"}));

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
    if (batch->parsed()) {
      if (o.catalog.empty()) throw UsageError("--catalog FILE is required");
      return plancalc::cli::batch(read_file(o.catalog, true), o.catalog);
    }
    for (auto* cmd : {quote, compare, renew, change, cancel, sla, proposal, describe}) {
      if (cmd->parsed()) return run_op(cmd->get_name(), o);
    }
    if (add_licenses->parsed()) return run_op("add_licenses", o);
  } catch (const UsageError& e) {
    std::cerr << "plancalc: " << e.what() << "\n";
    return 2;
  } catch (const RejectedInput& r) {
    return emit("", r.response, "json", r.label);
  } catch (const std::bad_alloc&) {
    // The engine answers out_of_memory itself; this is the CLI's own memory
    // (a file's text, a flag's request) running out.
    return emit("", out_of_memory_response(), "json");
  }
  return 2;
}
