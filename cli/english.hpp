// English text for the engine's structured explanations (docs/api.md lists
// the keys). The page has its own translations; this is the CLI's.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace plancalc::cli {

// Renders {"key": ..., "args": {...}} as an English sentence. An unknown key
// renders as the key itself so nothing is silently dropped.
std::string english(const nlohmann::ordered_json& explanation);

}  // namespace plancalc::cli
