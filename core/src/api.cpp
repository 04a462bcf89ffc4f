// TEMPORARY stub while the engine is written; replaced by the real api unit.
#include "plancalc/api.hpp"

namespace plancalc {
class Catalog {};
}

namespace plancalc::api {
Engine::Engine(const std::string&)
    : status_(R"({"ok":false,"error":{"code":"not_implemented","message":"engine not built yet","path":"","source":"catalog"}})") {}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;
bool Engine::ok() const { return false; }
const std::string& Engine::status() const { return status_; }
std::string Engine::call(const std::string&, const std::string&) const { return status_; }
}  // namespace plancalc::api
