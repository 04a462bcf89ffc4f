#include "plancalc/api/memory_reserve.hpp"

#include <cstdlib>
#include <new>

namespace plancalc::api {
namespace {

void* reserve = nullptr;

void release_and_fail() {
  std::free(reserve);
  reserve = nullptr;
  throw std::bad_alloc();
}

}  // namespace

void hold_memory_reserve(std::size_t bytes) {
  std::set_new_handler(release_and_fail);
  // Untouched pages: address space, not memory actually used. Under a tight
  // limit, as much of it as there is room for (down to 1 MiB).
  for (; !reserve && bytes >= (1u << 20); bytes /= 2) reserve = std::malloc(bytes);
}

}  // namespace plancalc::api
