// Where a response holds a text the engine keeps for as long as it lives: a
// catalog's names, and the parts of compare's and describe's responses that
// depend on the catalog alone. The page decodes each such text once and
// reuses it (web/plancalc.js): decoding UTF-8 that is not ASCII is 6-10x
// slower than ASCII, and these texts carry nearly all of a response's
// non-ASCII bytes (the catalogs' Spanish, Russian and Swedish names).
#pragma once

#include <cstddef>

namespace plancalc {

struct HeldText {
  std::size_t offset;  // in the response
  std::size_t length;
  const void* id;      // the same id: the same bytes, while the engine lives
};

}  // namespace plancalc
