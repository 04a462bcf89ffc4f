#include "response_text.hpp"

#include <charconv>

#include "plancalc/money.hpp"
#include "plancalc/policy.hpp"
#include "plancalc/rounding.hpp"

namespace plancalc::response_text {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 (the checks of
// nlohmann's serializer: no overlongs, no surrogates, at most U+10FFFF).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    unsigned b = byte(k);
    return b >= lo && b <= hi;
  };
  unsigned b0 = byte(i);
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (b0 == 0xE0) return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;
  if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) return cont(i + 1) && cont(i + 2) ? 3 : 0;
  if (b0 == 0xED) return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;
  if (b0 == 0xF0) return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b0 >= 0xF1 && b0 <= 0xF3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b0 == 0xF4) return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  return 0;
}

}  // namespace

void Writer::key(std::string_view k) {
  string(k);
  out_ += ':';
  first_ = true;
}

// The escaping of nlohmann's dump() without ensure_ascii: '"', '\\' and the
// control characters below 0x20 (\b \t \n \f \r by name, others as \u00xx).
void Writer::string(std::string_view s) {
  separate();
  out_ += '"';
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80) {
      std::size_t n = utf8_length(s, i);
      if (n == 0) throw NotUtf8{};
      i += n;
      continue;
    }
    if (b >= 0x20 && b != '"' && b != '\\') {
      ++i;
      continue;
    }
    out_.append(s.data() + plain, i - plain);
    switch (b) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\t': out_ += "\\t"; break;
      case '\n': out_ += "\\n"; break;
      case '\f': out_ += "\\f"; break;
      case '\r': out_ += "\\r"; break;
      default: {
        static const char hex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += hex[b >> 4];
        out_ += hex[b & 0xF];
      }
    }
    plain = ++i;
  }
  out_.append(s.data() + plain, s.size() - plain);
  out_ += '"';
  done();
}

void Writer::integer(std::int64_t v) {
  separate();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
  done();
}

void Writer::unsigned_integer(std::uint64_t v) {
  separate();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
  done();
}

void Writer::boolean(bool v) {
  separate();
  out_ += v ? "true" : "false";
  done();
}

void Writer::null() {
  separate();
  out_ += "null";
  done();
}

namespace {

std::string money(const Catalog& c, Money m) { return format_amount(m, *c.currency); }

void arg_value(Writer& w, const Catalog& c, const ExplanationArg& value) {
  if (auto s = std::get_if<std::string>(&value)) {
    w.string(*s);
  } else if (auto i = std::get_if<std::int64_t>(&value)) {
    w.integer(*i);
  } else if (auto m = std::get_if<Money>(&value)) {
    w.string(money(c, *m));
  } else if (auto d = std::get_if<Date>(&value)) {
    w.string(format_date(*d));
  } else if (auto r = std::get_if<Rate>(&value)) {
    w.string(format_rate(*r));
  }
}

// = response::line(c, l)
void line(Writer& w, const Catalog& c, const Line& l) {
  w.begin_object();
  w.field("kind", l.kind);
  w.field("quantity", static_cast<std::int64_t>(l.quantity));
  if (l.unit_amount) w.field("unit_amount", money(c, *l.unit_amount));
  w.field("amount", money(c, l.amount));
  w.key("explanation");
  explanation(w, c, l.explanation);
  w.end_object();
}

// = response::period_json(c, ch)
void period(Writer& w, const Catalog& c, const Charge& ch) {
  w.begin_object();
  w.field("start", format_date(ch.start));
  w.field("end", format_date(ch.end));
  w.key("lines");
  w.begin_array();
  for (const Line& l : ch.priced.lines) line(w, c, l);
  w.end_array();
  w.field("net", money(c, ch.priced.net));
  w.key("tax");
  if (ch.priced.tax) {
    line(w, c, *ch.priced.tax);
  } else {
    w.null();
  }
  w.field("total", money(c, ch.priced.total));
  w.end_object();
}

// = response::catalog_ref(c) and response::conventions(c, as_of)
void header(Writer& w, const Catalog& c, std::optional<Date> as_of) {
  w.key("catalog");
  w.begin_object();
  w.field("id", c.vendor.id);
  w.field("fingerprint", c.fingerprint);
  w.field("illustrative", c.vendor.illustrative);
  w.end_object();
  w.key("conventions");
  w.begin_object();
  w.field("currency", c.currency->code);
  w.field("exponent", c.currency->exponent);
  w.field("rounding_mode", to_string(c.rounding.mode));
  w.field("rounding_increment", money(c, Money::from_minor(c.rounding.increment_minor)));
  w.field("month_end", "clamp_to_last_day");
  w.field("term", "half_open");
  w.field("proration_basis", to_string(c.policies.change.basis));
  if (as_of) w.field("as_of", format_date(*as_of));
  w.end_object();
}

}  // namespace

void explanation(Writer& w, const Catalog& c, const Explanation& e) {
  w.begin_object();
  w.field("key", e.key);
  w.key("args");
  w.begin_object();
  const auto& args = e.args;
  for (std::size_t i = 0; i < args.size(); ++i) {
    // ordered_json's args[name] = value keeps a repeated name at its first
    // place with its last value.
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

std::string quote_response(const Catalog& c, const Quote& q, int horizon_months, Date start,
                           std::optional<Date> as_of) {
  std::string out;
  out.reserve(1024 + 256 * q.schedule.size());
  Writer w(out);
  w.begin_object();
  w.field("ok", true);
  w.key("result");
  w.begin_object();
  header(w, c, as_of);

  // = response::quote(c, q, horizon_months, start)
  const Charge& first = q.first();
  const Plan& p = *q.plan;
  w.key("plan");
  w.begin_object();  // = plan_ref
  w.field("id", p.id);
  w.field("tier", c.tiers[static_cast<std::size_t>(p.tier)].id);
  w.field("billing_months", static_cast<std::int64_t>(p.billing_months));
  w.field("unit", p.unit);
  w.end_object();
  w.field("quantity", static_cast<std::int64_t>(q.quantity));
  w.key("first_period");
  period(w, c, first);
  w.key("effective_per_month");
  w.begin_object();
  w.field("amount", money(c, q.effective_per_month));
  w.key("explanation");
  explanation(w, c,
              {"effective.per_month",
               {{"total", first.priced.total}, {"months", static_cast<std::int64_t>(p.billing_months)}}});
  w.end_object();
  w.key("schedule");
  w.begin_array();
  for (const Charge& ch : q.schedule) {
    w.begin_object();
    w.field("index", static_cast<std::int64_t>(ch.index));
    w.field("start", format_date(ch.start));
    w.field("end", format_date(ch.end));
    w.field("amount", money(c, ch.priced.total));
    if (ch.priced.tax) {
      w.field("net", money(c, ch.priced.net));
      w.field("tax", money(c, ch.priced.tax->amount));
    }
    if (ch.priced.price_from) w.field("price_from", format_date(*ch.priced.price_from));
    w.key("explanation");
    explanation(w, c,
                {"schedule.period",
                 {{"index", static_cast<std::int64_t>(ch.index)}, {"start", ch.start}, {"end", ch.end}}});
    w.end_object();
  }
  w.end_array();
  w.key("horizon");
  w.begin_object();
  w.field("months", static_cast<std::int64_t>(horizon_months));
  w.field("start", format_date(start));
  w.field("end", format_date(q.horizon_end));
  w.field("covered_until", format_date(q.covered_until()));
  w.field("charges", static_cast<std::uint64_t>(q.schedule.size()));
  w.field("net", money(c, q.horizon_net));
  w.key("tax");
  if (c.tax) {
    w.string(money(c, q.horizon_tax));
  } else {
    w.null();
  }
  w.field("total", money(c, q.horizon_total));
  w.key("explanation");
  explanation(w, c,
              {"horizon.total",
               {{"charges", static_cast<std::int64_t>(q.schedule.size())},
                {"months", static_cast<std::int64_t>(horizon_months)},
                {"covered_until", q.covered_until()}}});
  w.end_object();

  w.end_object();
  w.end_object();
  return out;
}

}  // namespace plancalc::response_text
