// A length of time as the engine writes it in explanations and results:
// "3 h 30 min", "30 min", "7 h 26 min 24 s", "36 h", "0 s". The page formats
// it again in the visitor's language (Intl.DurationFormat).
#pragma once

#include <cstdint>
#include <string>

namespace plancalc {

std::string format_duration(std::int64_t seconds);

}  // namespace plancalc
