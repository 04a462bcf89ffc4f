// The parts every response shares (header, explanations, lines, names,
// errors), written with the one JSON writer (json_writer.hpp). The responses
// themselves are written in pricing_response.cpp (quote, compare, describe),
// sla_response.cpp, lifecycle_api.cpp and api.cpp (check), one small function
// per part.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "plancalc/calendar/calendar.hpp"
#include "plancalc/catalog/catalog.hpp"
#include "plancalc/error/error.hpp"
#include "plancalc/explanation/explanation.hpp"
#include "plancalc/money/money.hpp"
#include "plancalc/pricing/pricing.hpp"
#include "json_writer.hpp"

namespace plancalc::response_parts {

using json_writer::Writer;

// --- Parts every response shares --------------------------------------------

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

// A date, or null.
template <std::size_t N>
void optional_date_field(Writer& w, const char (&k)[N], const std::optional<Date>& d) {
  w.key(k);
  if (d) {
    w.date(*d);
  } else {
    w.null();
  }
}

// A text, or null when empty (an optional note).
template <std::size_t N>
void text_or_null_field(Writer& w, const char (&k)[N], const std::string& s) {
  w.key(k);
  if (s.empty()) {
    w.null();
  } else {
    w.string(s);
  }
}

// {"en": "...", "es": "..."}: translated names, locales unique (read from a
// JSON object).
void names(Writer& w, const Names& n);
// {"key": ..., "args": {...}}; an arg name given twice keeps its first place
// and takes its last value (as the tree's args[name] = value did).
void explanation(Writer& w, const Catalog& c, const Explanation& e);
// A priced line: kind, quantity, unit_amount (when there is one), amount, explanation.
void line(Writer& w, const Catalog& c, const Line& l);

// What a catalog's responses repeat on every call, written once per engine
// (Engine::Engine) and spliced in: the result header up to the conventions'
// as_of, and compare's and describe's tiers and features (pricing_response.hpp).
struct CatalogParts {
  std::string header;    // {"ok":true,"result":{"catalog":{...},"conventions":{... up to as_of
  std::string sla_header;  // the header and the SLA's conventions: an sla result without as_of
  std::string tiers;     // response::tiers
  std::string features;  // response::features
  std::vector<std::string> plans;  // a quote's "plan" object, for each plan of the catalog
};

// {"ok":true,"result":{"catalog":{id, fingerprint, illustrative},
//  "conventions":{currency, ..., proration_basis[, as_of][, more_conventions]}
// and the result left open for the operation's own fields. parts: the
// engine's, or none (then the header is written here).
// header_with_more: the header with more_conventions written, a part of
// `parts` (CatalogParts::sla_header), written whole when there is no as_of.
void begin_result(Writer& w, const Catalog& c, const CatalogParts* parts, std::optional<Date> as_of,
                  void (*more_conventions)(Writer&) = nullptr, const std::string* header_with_more = nullptr);
// Closes the result and the response.
void end_result(Writer& w);
// The header's start as begin_result() writes it without parts (for CatalogParts::header).
std::string header_start(const Catalog& c);
// {"id", "fingerprint", "illustrative"}: which catalog a result comes from.
void catalog_ref(Writer& w, const Catalog& c);

// {"ok":false,"error":{"code","message","path","source"[,"details":details]}}
// details: JSON text, written as it is (DetailedError).
void error_response(Writer& w, const Error& e, std::string_view details = {});

}  // namespace plancalc::response_parts
