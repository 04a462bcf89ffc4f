#include "response_parts.hpp"

#include "plancalc/money/money.hpp"
#include "plancalc/catalog/policy.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc::response_parts {
namespace {

void arg_value(Writer& w, const Catalog& c, const ExplanationArg& value) {
  if (auto s = std::get_if<std::string>(&value)) {
    w.string(*s);
  } else if (auto i = std::get_if<std::int64_t>(&value)) {
    w.integer(*i);
  } else if (auto m = std::get_if<Money>(&value)) {
    w.amount(*m, *c.currency);
  } else if (auto d = std::get_if<Date>(&value)) {
    w.date(*d);
  } else if (auto r = std::get_if<Rate>(&value)) {
    w.string(format_rate(*r));
  }
}

}  // namespace

void line(Writer& w, const Catalog& c, const Line& l) {
  w.begin_object();
  w.field("kind", l.kind);
  w.field("quantity", static_cast<std::int64_t>(l.quantity));
  if (l.unit_amount) money_field(w, c, "unit_amount", *l.unit_amount);
  money_field(w, c, "amount", l.amount);
  w.key("explanation");
  explanation(w, c, l.explanation);
  w.end_object();
}

void names(Writer& w, const Names& n) {
  w.begin_object();
  for (const auto& [locale, text] : n) w.field(locale, text);
  w.end_object();
}

void explanation(Writer& w, const Catalog& c, const Explanation& e) {
  w.begin_object();
  w.field("key", e.key);
  w.key("args");
  w.begin_object();
  const auto& args = e.args;
  for (std::size_t i = 0; i < args.size(); ++i) {
    // A repeated name keeps its first place and takes its last value (the
    // response format of the tree writer this replaced: args[name] = value).
    bool seen = false;
    for (std::size_t j = 0; j < i && !seen; ++j) seen = args[j].first == args[i].first;
    if (seen) continue;
    std::size_t last = i;
    for (std::size_t j = i + 1; j < args.size(); ++j) {
      if (args[j].first == args[i].first) last = j;
    }
    w.key(args[i].first);
    arg_value(w, c, args[last].second);
  }
  w.end_object();
  w.end_object();
}

void catalog_ref(Writer& w, const Catalog& c) {
  w.begin_object();
  w.field("id", c.vendor.id);
  w.field("fingerprint", c.fingerprint);
  w.field("illustrative", c.vendor.illustrative);
  w.end_object();
}

namespace {

// {"ok":true,"result":{"catalog":{...},"conventions":{... up to as_of, both left open.
void write_header_start(Writer& w, const Catalog& c) {
  w.begin_object();
  w.field("ok", true);
  w.key("result");
  w.begin_object();
  w.key("catalog");
  catalog_ref(w, c);
  w.key("conventions");
  w.begin_object();
  w.field("currency", c.currency->code);
  w.field("exponent", c.currency->exponent);
  w.field("rounding_mode", to_string(c.rounding.mode));
  money_field(w, c, "rounding_increment", Money::from_minor(c.rounding.increment_minor));
  w.field("month_end", "clamp_to_last_day");
  w.field("term", "half_open");
  w.field("proration_basis", to_string(c.policies.change.basis));
}

}  // namespace

std::string header_start(const Catalog& c) {
  Writer w(512);
  write_header_start(w, c);
  return w.take();
}

void begin_result(Writer& w, const Catalog& c, const CatalogParts* parts, std::optional<Date> as_of,
                  void (*more_conventions)(Writer&), const std::string* header_with_more) {
  if (header_with_more && !as_of) {
    w.raw(*header_with_more);
  } else {
    if (parts) {
      w.raw(parts->header);
    } else {
      write_header_start(w, c);
    }
    if (as_of) date_field(w, "as_of", *as_of);
    if (more_conventions) more_conventions(w);
  }
  w.end_object();
}

void end_result(Writer& w) {
  w.end_object();
  w.end_object();
}

void error_response(Writer& w, const Error& e, std::string_view details) {
  w.begin_object();
  w.field("ok", false);
  w.key("error");
  w.begin_object();
  w.field("code", e.code());
  w.field("message", e.message());
  w.field("path", e.path());
  w.field("source", e.source() == Source::catalog ? "catalog" : "request");
  // args: every error has them (docs/errors.md). An error raised with
  // structured details (DetailedError) has those as its args; "details"
  // stays beside them, the same text, for callers written before args.
  w.key("args");
  if (e.args().empty() && !details.empty()) {
    w.raw(details);
  } else {
    w.begin_object();
    for (const ErrorArg& a : e.args()) {
      w.key(a.key);
      switch (a.kind) {
        case ErrorArg::Kind::string: w.string(a.text); break;
        case ErrorArg::Kind::integer: w.integer(a.number); break;
        case ErrorArg::Kind::strings:
          w.begin_array();
          for (const std::string& s : a.list) w.string(s);
          w.end_array();
          break;
      }
    }
    w.end_object();
  }
  if (!details.empty()) {
    w.key("details");
    w.raw(details);
  }
  w.end_object();
  w.end_object();
}

}  // namespace plancalc::response_parts
