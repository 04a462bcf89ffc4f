#include "memory_reserve.hpp"

#include <cstdlib>
#include <new>

namespace plancalc::cli {
namespace {

// Room for the destructor's stack of a document as large as a catalog may
// be: 4 MiB of "[0,0,...]" is 2 million values of 16 bytes, twice over.
constexpr std::size_t kReserveBytes = 64u << 20;

void* reserve = nullptr;

void release_and_fail() {
  std::free(reserve);
  reserve = nullptr;
  throw std::bad_alloc();
}

}  // namespace

void hold_memory_reserve() {
  std::set_new_handler(release_and_fail);
  // Untouched pages: address space, not memory actually used. Under a tight
  // limit, as much of it as there is room for (down to 1 MiB).
  for (std::size_t bytes = kReserveBytes; !reserve && bytes >= (1u << 20); bytes /= 2) reserve = std::malloc(bytes);
}

}  // namespace plancalc::cli
