// A catalog item's translated names: (locale, text) pairs, locales unique,
// in the order the catalog gives them.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace plancalc {

using Names = std::vector<std::pair<std::string, std::string>>;

}  // namespace plancalc
