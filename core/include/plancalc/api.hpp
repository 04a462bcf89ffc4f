// The JSON boundary of the engine: catalog text and request text in, response
// text out. The CLI and the WebAssembly module both call only this, so their
// outputs are identical by construction. Nothing here throws.
#pragma once

#include <memory>
#include <string>

namespace plancalc {
struct Catalog;
}

namespace plancalc::api {

class Engine {
 public:
  // Parses and validates the catalog once; a bad catalog is kept as an error
  // response in status().
  explicit Engine(const std::string& catalog_json);
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  // True when the catalog loaded.
  bool ok() const;
  // {"ok":true,"result":{"catalog":{...}}} or the catalog's error response.
  const std::string& status() const;
  // Runs one operation ("quote", "compare", "describe", "check") on a request
  // (JSON text). Always returns a response: {"ok":true,...} or {"ok":false,...}.
  std::string call(const std::string& op, const std::string& request_json) const;

 private:
  std::unique_ptr<const Catalog> catalog_;
  std::string status_;
};

}  // namespace plancalc::api
