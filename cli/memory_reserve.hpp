// Memory set aside so that running out of memory is answered with the
// out_of_memory error, not ended by an abort. Unwinding from a std::bad_alloc
// destroys the JSON documents read so far, and nlohmann's destructor itself
// allocates (the stack it flattens a document with) and cannot throw: without
// room, std::terminate. With a reserve, the first allocation that fails
// releases it and throws std::bad_alloc, and the unwinding has room.
#pragma once

namespace plancalc::cli {

// Sets the reserve aside (again, if an earlier failure released it) and
// installs the handler that releases it. Idempotent; cheap when held.
void hold_memory_reserve();

}  // namespace plancalc::cli
