// Reading the CLI's inputs (catalog and request files, or stdin) with a bound:
// at most the engine's limit plus one byte is ever read, so /dev/zero, an
// endless pipe or a 200 MB file is answered with input_too_large at once, in
// constant memory, instead of being read to its end first.
#pragma once

#include <cstddef>
#include <string>

namespace plancalc::cli {

struct Input {
  std::string text;        // the whole input, when it is within the limit
  bool too_large = false;  // more than the limit: nothing of it is kept
};

// path "-" is stdin. Throws std::runtime_error when the file cannot be opened.
Input read_input(const std::string& path, std::size_t limit);

}  // namespace plancalc::cli
