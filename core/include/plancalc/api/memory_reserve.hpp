// Memory set aside so that running out of memory is answered with the
// out_of_memory error, not ended by an abort. Unwinding from a std::bad_alloc
// destroys the JSON documents read so far, and nlohmann's destructor itself
// allocates (the stack it flattens a document with) and cannot throw: without
// room, std::terminate. With a reserve, the first allocation that fails
// releases it and throws std::bad_alloc, and the unwinding has room.
// Each door (the CLI, batch, the wasm module) holds one before it calls the
// Engine; the Engine answers the std::bad_alloc with out_of_memory.
#pragma once

#include <cstddef>

namespace plancalc::api {

// Room for the destructor's stack of a document as large as a catalog may
// be: 4 MiB of "[0,0,...]" is 2 million values of 16 bytes, twice over.
inline constexpr std::size_t kCatalogReserveBytes = 64u << 20;
// Enough for a request's (at most 1 MiB of text): what the wasm module holds,
// where every byte set aside is a byte of the page's memory.
inline constexpr std::size_t kRequestReserveBytes = 16u << 20;

// Sets up to `bytes` aside (again, if an earlier failure released it; as
// much as there is room for, down to 1 MiB) and installs the handler that
// releases it. Idempotent; cheap when held.
void hold_memory_reserve(std::size_t bytes = kCatalogReserveBytes);

}  // namespace plancalc::api
