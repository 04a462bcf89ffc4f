// Structured explanations: a stable key plus typed arguments, so the CLI can
// render English and the page can translate. Every amount in a result points
// to one of these.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "plancalc/calendar.hpp"
#include "plancalc/money.hpp"
#include "plancalc/rounding.hpp"

namespace plancalc {

using ExplanationArg = std::variant<std::string, std::int64_t, Money, Date, Rate>;

struct Explanation {
  std::string key;
  std::vector<std::pair<std::string, ExplanationArg>> args;

  // Appends an argument. Moves it in: an initializer list of args is copied,
  // which showed in the pricing of every billing period of a quote.
  Explanation& with(const char* name, ExplanationArg value) {
    args.emplace_back(name, std::move(value));
    return *this;
  }
};

}  // namespace plancalc
