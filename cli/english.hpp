// English text for the engine's structured explanations (docs/api.md lists
// the keys). The page has its own translations; this is the CLI's.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace plancalc::cli {

// Renders {"key": ..., "args": {...}} as an English sentence. An unknown key
// renders as the key itself so nothing is silently dropped.
std::string english(const nlohmann::ordered_json& explanation);

// English counts: the singular for exactly 1, else the plural. `count` is a
// number or a number's text, as the engine's results give them.
bool is_one(const nlohmann::ordered_json& count);
// "month" or "months" for a count.
std::string counted_word(const nlohmann::ordered_json& count, const std::string& one, const std::string& other);
// A catalog's unit word (singular, "ticket", "company") for a count: "ticket",
// "tickets", "companies".
std::string unit_word(const std::string& unit, const nlohmann::ordered_json& count);

}  // namespace plancalc::cli
