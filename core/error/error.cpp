#include "plancalc/error/error.hpp"

namespace plancalc {

void fail(std::string code, std::string message, std::string path, Source source) {
  throw Error(std::move(code), std::move(message), std::move(path), source);
}

void fail(std::string code, std::string message, std::string path, Source source, ErrorArgs args) {
  throw Error(std::move(code), std::move(message), std::move(path), source, std::move(args));
}

void fail(std::string code, std::string message, std::string path, ErrorArgs args) {
  throw Error(std::move(code), std::move(message), std::move(path), Source::request, std::move(args));
}

std::string excerpt(const std::string& s) {
  constexpr std::size_t kMax = 64;
  if (s.size() <= kMax) return "'" + s + "'";
  std::size_t cut = kMax;
  // Do not cut a UTF-8 sequence in half.
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return "'" + s.substr(0, cut) + "…'";
}

}  // namespace plancalc
