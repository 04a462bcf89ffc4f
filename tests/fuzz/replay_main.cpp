// A main() for the fuzz targets without libFuzzer: runs LLVMFuzzerTestOneInput
// on every file named on the command line (directories are walked, sorted);
// --op=NAME sets the operation for fuzz_op.cpp.
//   fuzz_replay_op --op=quote tests/fuzz/regressions/quote
// ctest uses it to replay tests/fuzz/regressions/<target>/ on every run, in
// the normal build and under ASan + UBSan (build/asan).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

// The op of fuzz_op.cpp's replay build (unused by the catalog target).
extern "C" const char* plancalc_replay_op;
const char* plancalc_replay_op = "";

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--op=", 0) == 0) {
      plancalc_replay_op = argv[i] + 5;
      continue;
    }
    fs::path p(arg);
    if (fs::is_directory(p)) {
      for (const auto& entry : fs::recursive_directory_iterator(p)) {
        if (entry.is_regular_file() && entry.path().filename().string()[0] != '.') {
          files.push_back(entry.path());
        }
      }
    } else if (fs::exists(p)) {
      files.push_back(p);
    }
    // A target that never failed has no regressions folder yet: nothing to replay.
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::string bytes = plancalc_fuzz::read_file(f.string());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("replayed %zu input(s)\n", files.size());
  return 0;
}
