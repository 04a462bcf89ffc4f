// Where a response holds a text the engine keeps for as long as it lives: a
// catalog's names, the parts of compare's and describe's responses that
// depend on the catalog alone, and the header every result starts with. The
// page decodes each such text once and reuses it (web/plancalc.js): decoding
// UTF-8 that is not ASCII is 6-10x slower than ASCII, and these texts carry
// nearly all of a response's non-ASCII bytes (the catalogs' Spanish, Russian
// and Swedish names).
#pragma once

#include <cstddef>

namespace plancalc {

// An ASCII text the engine keeps is logged too when it is this long: the
// header of a result (≈ 300 bytes; an SLA's, with its conventions, ≈ 730)
// is then decoded once, not per response (sla/mailstore 22-27 % faster in
// wasm, docs/performance.md item 24). A shorter one costs the page less to
// decode again than the extra piece of text it would have to join.
inline constexpr std::size_t kHeldAsciiBytes = 256;

struct HeldText {
  std::size_t offset;  // in the response
  std::size_t length;
  const void* id;      // the same id: the same bytes, while the engine lives
};

}  // namespace plancalc
