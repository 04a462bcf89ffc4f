#include "input.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>

namespace plancalc::cli {

Input read_input(const std::string& path, std::size_t limit) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(nullptr, std::fclose);
  std::FILE* in = stdin;
  if (path != "-") {
    owned.reset(std::fopen(path.c_str(), "rb"));
    if (!owned) throw std::runtime_error("cannot read " + path);
    in = owned.get();
  }
  Input input;
  // A regular file says its size: one too large is not read at all.
  struct stat st {};
  if (::fstat(::fileno(in), &st) == 0 && S_ISREG(st.st_mode)) {
    if (static_cast<std::uint64_t>(st.st_size) > limit) {
      input.too_large = true;
      return input;
    }
  }
  // Anything else (a pipe, a device, a file that grows) is read up to one
  // byte past the limit.
  char chunk[64 * 1024];
  while (input.text.size() <= limit) {
    std::size_t want = std::min(sizeof chunk, limit + 1 - input.text.size());
    std::size_t n = std::fread(chunk, 1, want, in);
    input.text.append(chunk, n);
    if (n < want) break;
  }
  if (std::ferror(in)) throw std::runtime_error("cannot read " + path);
  if (input.text.size() > limit) {
    input.too_large = true;
    input.text.clear();
    input.text.shrink_to_fit();
  }
  return input;
}

}  // namespace plancalc::cli
