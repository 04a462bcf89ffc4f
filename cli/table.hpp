// Human-readable tables for `--format table`.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace plancalc::cli {

// Renders a successful result of `op` as aligned text.
std::string table(const std::string& op, const nlohmann::ordered_json& result);

}  // namespace plancalc::cli
