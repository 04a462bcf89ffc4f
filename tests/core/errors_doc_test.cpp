// Every error code the engine can raise is documented in docs/errors.md.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::set<std::string> codes_raised_in_core() {
  std::set<std::string> codes;
  // fail("code", ...), Error("code", ...), and codes handed to as_integer
  // (its low_code/high_code parameters and their defaults).
  std::regex raised(R"re((?:fail|Error)\(\s*"([a-z_]+)")re");
  std::regex passed(R"re((?:as_integer\([^;]*?,\s*"([a-z_]+)",\s*|_code = )"([a-z_]+)")re");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(PLANCALC_SOURCE_DIR) + "/core")) {
    if (!entry.is_regular_file()) continue;
    std::string text = read(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), raised), end; it != end; ++it) codes.insert((*it)[1]);
    for (std::sregex_iterator it(text.begin(), text.end(), passed), end; it != end; ++it) {
      if ((*it)[1].matched) codes.insert((*it)[1]);
      codes.insert((*it)[2]);
    }
  }
  return codes;
}

}  // namespace

TEST(errors_doc, every_code_the_engine_raises_is_documented) {
  std::string doc = read(std::string(PLANCALC_SOURCE_DIR) + "/docs/errors.md");
  std::set<std::string> codes = codes_raised_in_core();
  EXPECT_GT(codes.size(), 25u);  // the scan itself works
  for (const std::string& code : codes) {
    EXPECT_NE(doc.find("`" + code + "`"), std::string::npos) << code << " is not in docs/errors.md";
  }
}
