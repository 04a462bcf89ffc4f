// Structured explanations: a stable key plus typed arguments, so the CLI can
// render English and the page can translate. Every amount in a result points
// to one of these.
//
// Keys and argument names are the engine's own string literals, so an
// explanation holds views of them (static storage), not copies: a quote
// builds one per line of every billing period, and copying the names was
// most of that cost. Argument values are copied.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "plancalc/calendar/calendar.hpp"
#include "plancalc/money/money.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc {

using ExplanationArg = std::variant<std::string, std::int64_t, Money, Date, Rate>;
using ExplanationArgs = std::vector<std::pair<std::string_view, ExplanationArg>>;

struct Explanation {
  std::string_view key;  // a string literal
  ExplanationArgs args;  // names: string literals

  // Appends an argument. Moves it in: an initializer list of args is copied,
  // which showed in the pricing of every billing period of a quote.
  Explanation& with(std::string_view name, ExplanationArg value) {
    args.emplace_back(name, std::move(value));
    return *this;
  }
};

}  // namespace plancalc
