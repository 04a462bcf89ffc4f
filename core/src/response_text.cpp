#include "response_text.hpp"

#include <charconv>

#include "plancalc/money.hpp"
#include "plancalc/policy.hpp"
#include "plancalc/rounding.hpp"
#include "response_writer.hpp"

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
  put(':');
  first_ = true;
}

namespace {
// 0: copied as it is; 1: escaped; 2: the start of a multi-byte UTF-8 sequence.
struct ByteClasses {
  unsigned char of[256];
  constexpr ByteClasses() : of() {
    for (int b = 0; b < 256; ++b) of[b] = b < 0x20 || b == '"' || b == '\\' ? 1 : b >= 0x80 ? 2 : 0;
  }
};
constexpr ByteClasses kClass{};
}  // namespace

// The escaping of nlohmann's dump() without ensure_ascii: '"', '\\' and the
// control characters below 0x20 (\b \t \n \f \r by name, others as \u00xx).
void Writer::string(std::string_view s) {
  separate();
  put('"');
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    unsigned char kind = kClass.of[b];
    if (kind == 0) {
      ++i;
      continue;
    }
    if (kind == 2) {
      std::size_t n = utf8_length(s, i);
      if (n == 0) throw NotUtf8{};
      i += n;
      continue;
    }
    put(s.data() + plain, i - plain);
    switch (b) {
      case '"': put("\\\"", 2); break;
      case '\\': put("\\\\", 2); break;
      case '\b': put("\\b", 2); break;
      case '\t': put("\\t", 2); break;
      case '\n': put("\\n", 2); break;
      case '\f': put("\\f", 2); break;
      case '\r': put("\\r", 2); break;
      default: {
        static const char hex[] = "0123456789abcdef";
        put("\\u00", 4);
        put(hex[b >> 4]);
        put(hex[b & 0xF]);
      }
    }
    plain = ++i;
  }
  put(s.data() + plain, s.size() - plain);
  put('"');
  done();
}

// = format_amount(m, currency), without building a string.
void Writer::amount(Money m, const Currency& currency) {
  separate();
  std::uint64_t magnitude = m.minor() < 0 ? 0 - static_cast<std::uint64_t>(m.minor())
                                          : static_cast<std::uint64_t>(m.minor());
  char digits[24];
  auto r = std::to_chars(digits, digits + sizeof digits, magnitude);
  auto n = static_cast<std::size_t>(r.ptr - digits);
  auto exponent = static_cast<std::size_t>(currency.exponent);
  put('"');
  if (m.minor() < 0) put('-');
  if (exponent == 0) {
    put(digits, n);
  } else if (n <= exponent) {  // 0.05: one whole digit, then the decimals padded
    put("0.", 2);
    put(exponent - n, '0');
    put(digits, n);
  } else {
    put(digits, n - exponent);
    put('.');
    put(digits + n - exponent, exponent);
  }
  put('"');
  done();
}

void Writer::integer(std::int64_t v) {
  separate();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  put(buf, static_cast<std::size_t>(r.ptr - buf));
  done();
}

void Writer::unsigned_integer(std::uint64_t v) {
  separate();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  put(buf, static_cast<std::size_t>(r.ptr - buf));
  done();
}

void Writer::boolean(bool v) {
  separate();
  if (v) {
    put("true", 4);
  } else {
    put("false", 5);
  }
  done();
}

void Writer::null() {
  separate();
  put("null", 4);
  done();
}

// = format_date(d), without building a string.
void Writer::date(Date d) {
  separate();
  put('"');
  std::string text = format_date(d);  // fits the small-string buffer: no allocation
  put(text.data(), text.size());
  put('"');
  done();
}

namespace {

template <std::size_t N>
void date_field(Writer& w, const char (&k)[N], Date d) {
  w.key(k);
  w.date(d);
}

template <std::size_t N>
void money_field(Writer& w, const Catalog& c, const char (&k)[N], Money m) {
  w.key(k);
  w.amount(m, *c.currency);
}

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

// = response::line(c, l)
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

// = response::period_json(c, ch)
void period(Writer& w, const Catalog& c, const Charge& ch) {
  w.begin_object();
  date_field(w, "start", ch.start);
  date_field(w, "end", ch.end);
  w.key("lines");
  w.begin_array();
  for (const Line& l : ch.priced.lines) line(w, c, l);
  w.end_array();
  money_field(w, c, "net", ch.priced.net);
  w.key("tax");
  if (ch.priced.tax) {
    line(w, c, *ch.priced.tax);
  } else {
    w.null();
  }
  money_field(w, c, "total", ch.priced.total);
  w.end_object();
}

// {"ok":true,"result":{ and the start of the result header:
// response::catalog_ref(c) and response::conventions(c, ...) up to its as_of,
// the object left open for header_end().
void header_start(Writer& w, const Catalog& c) {
  w.begin_object();
  w.field("ok", true);
  w.key("result");
  w.begin_object();
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
  money_field(w, c, "rounding_increment", Money::from_minor(c.rounding.increment_minor));
  w.field("month_end", "clamp_to_last_day");
  w.field("term", "half_open");
  w.field("proration_basis", to_string(c.policies.change.basis));
}

// The header's start, from the engine's parts when there are some.
void header(Writer& w, const Catalog& c, const CatalogParts* parts, std::optional<Date> as_of) {
  if (parts) {
    w.raw(parts->header);
  } else {
    header_start(w, c);
  }
  if (as_of) date_field(w, "as_of", *as_of);
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
                           std::optional<Date> as_of, const CatalogParts* parts) {
  Writer w(1024 + 384 * q.schedule.size());
  header(w, c, parts, as_of);

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
  money_field(w, c, "amount", q.effective_per_month);
  w.key("explanation");  // = explanation(c, {"effective.per_month", {total, months}})
  w.begin_object();
  w.field("key", "effective.per_month");
  w.key("args");
  w.begin_object();
  money_field(w, c, "total", first.priced.total);
  w.field("months", static_cast<std::int64_t>(p.billing_months));
  w.end_object();
  w.end_object();
  w.end_object();
  w.key("schedule");
  w.begin_array();
  for (const Charge& ch : q.schedule) {
    w.begin_object();
    w.field("index", static_cast<std::int64_t>(ch.index));
    date_field(w, "start", ch.start);
    date_field(w, "end", ch.end);
    money_field(w, c, "amount", ch.priced.total);
    if (ch.priced.tax) {
      money_field(w, c, "net", ch.priced.net);
      money_field(w, c, "tax", ch.priced.tax->amount);
    }
    if (ch.priced.price_from) date_field(w, "price_from", *ch.priced.price_from);
    w.key("explanation");  // = explanation(c, {"schedule.period", {index, start, end}})
    w.begin_object();
    w.field("key", "schedule.period");
    w.key("args");
    w.begin_object();
    w.field("index", static_cast<std::int64_t>(ch.index));
    date_field(w, "start", ch.start);
    date_field(w, "end", ch.end);
    w.end_object();
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.key("horizon");
  w.begin_object();
  w.field("months", static_cast<std::int64_t>(horizon_months));
  date_field(w, "start", start);
  date_field(w, "end", q.horizon_end);
  date_field(w, "covered_until", q.covered_until());
  w.field("charges", static_cast<std::uint64_t>(q.schedule.size()));
  money_field(w, c, "net", q.horizon_net);
  w.key("tax");
  if (c.tax) {
    w.amount(q.horizon_tax, *c.currency);
  } else {
    w.null();
  }
  money_field(w, c, "total", q.horizon_total);
  w.key("explanation");  // = explanation(c, {"horizon.total", {charges, months, covered_until}})
  w.begin_object();
  w.field("key", "horizon.total");
  w.key("args");
  w.begin_object();
  w.field("charges", static_cast<std::int64_t>(q.schedule.size()));
  w.field("months", static_cast<std::int64_t>(horizon_months));
  date_field(w, "covered_until", q.covered_until());
  w.end_object();
  w.end_object();
  w.end_object();

  w.end_object();
  w.end_object();
  return w.take();
}

CatalogParts catalog_parts(const Catalog& c) {
  Writer w;
  header_start(w, c);
  return {w.take(), response::tiers(c).dump(), response::features(c).dump()};
}

std::string comparison_response(const Catalog& c, const CatalogParts& parts, const Comparison& cmp,
                                std::int64_t quantity, int horizon_months, Date start, std::optional<Date> as_of) {
  Writer w(4096 + parts.tiers.size() + parts.features.size() + 512 * cmp.rows.size());
  header(w, c, &parts, as_of);

  // = response::comparison(c, cmp, quantity, horizon_months, start)
  w.field("quantity", static_cast<std::int64_t>(quantity));
  w.key("horizon");
  w.begin_object();
  w.field("months", static_cast<std::int64_t>(horizon_months));
  date_field(w, "start", start);
  date_field(w, "end", cmp.horizon_end);
  w.end_object();
  w.key("rows");
  w.begin_array();
  for (const CompareRow& row : cmp.rows) {
    const Plan& p = *row.plan;
    w.begin_object();
    w.field("plan", p.id);
    w.field("tier", c.tiers[static_cast<std::size_t>(p.tier)].id);
    w.field("billing_months", static_cast<std::int64_t>(p.billing_months));
    if (row.quote) {
      const Quote& q = *row.quote;
      money_field(w, c, "first_period_total", q.first().priced.total);
      money_field(w, c, "effective_per_month", q.effective_per_month);
      money_field(w, c, "horizon_total", q.horizon_total);
      date_field(w, "covered_until", q.covered_until());
      w.field("charges", static_cast<std::uint64_t>(q.schedule.size()));
      w.field("rank", static_cast<std::int64_t>(row.rank));
    } else {
      w.key("error");
      w.begin_object();
      w.field("code", row.error->code());
      w.field("message", row.error->message());
      w.end_object();
    }
    w.end_object();
  }
  w.end_array();
  w.key("cheapest");
  if (cmp.cheapest) {
    w.begin_object();
    w.field("plan", cmp.cheapest->plan->id);
    w.key("explanation");
    explanation(w, c, cmp.cheapest_explanation);
    w.key("reasons");
    w.begin_array();
    for (const Explanation& e : cmp.reasons) explanation(w, c, e);
    w.end_array();
    w.end_object();
  } else {
    w.null();
  }
  w.key("savings");
  w.begin_array();
  for (const Saving& s : cmp.savings) {
    w.begin_object();
    w.field("tier", s.tier->id);
    w.field("shorter_plan", s.shorter->id);
    w.field("longer_plan", s.longer->id);
    w.field("months", static_cast<std::int64_t>(s.months));
    money_field(w, c, "shorter_cost", s.shorter_cost);
    money_field(w, c, "longer_cost", s.longer_cost);
    money_field(w, c, "saving", s.saving);
    w.field("percent", format_permille(s.permille));
    w.key("explanation");
    explanation(w, c, s.explanation);
    w.end_object();
  }
  w.end_array();
  w.key("break_even");
  w.begin_array();
  for (const BreakEven& b : cmp.break_evens) {
    w.begin_object();
    w.field("lower_plan", b.lower->id);
    w.field("higher_plan", b.higher->id);
    w.field("usage_key", b.allowance);
    w.field("unit", b.unit);
    w.field("from_usage", static_cast<std::int64_t>(b.usage));
    money_field(w, c, "lower_cost", b.lower_cost);
    money_field(w, c, "higher_cost", b.higher_cost);
    w.key("explanation");
    explanation(w, c, b.explanation);
    w.end_object();
  }
  w.end_array();
  w.key("tiers");
  w.raw(parts.tiers);
  w.key("features");
  w.raw(parts.features);

  w.end_object();
  w.end_object();
  return w.take();
}

}  // namespace plancalc::response_text
