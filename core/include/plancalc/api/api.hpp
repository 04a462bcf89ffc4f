// The JSON boundary of the engine: catalog text and request text in, response
// text out. The CLI and the WebAssembly module both call only this, so their
// outputs are identical by construction. Nothing here throws.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "plancalc/error/error.hpp"

namespace plancalc {
struct Catalog;
namespace response_parts {
struct CatalogParts;
}
}  // namespace plancalc

namespace plancalc::api {

// The largest request text call() and dispatch() read; a longer one is
// answered with input_too_large.
inline constexpr std::size_t kMaxRequestBytes = 1024 * 1024;
// The largest catalog text Engine reads (catalog/read_catalog.hpp's limit):
// a longer one is the catalog error input_too_large.
inline constexpr std::size_t kMaxCatalogBytes = 4 * 1024 * 1024;

// The input_too_large response for a text over `limit` that a caller did not
// read whole (the CLI stops one byte past the limit): the same bytes the
// Engine answers for a text over that limit.
std::string too_large_response(std::size_t limit, Source source);

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
  // Runs one operation (docs/api.md: "quote", "compare", "renew", "change",
  // "cancel", "add_licenses", "sla", "proposal", "describe", "check") on a request
  // (JSON text). Always returns a response: {"ok":true,...} or {"ok":false,...}.
  std::string call(std::string_view op, std::string_view request_json) const;
  // The same response written into `out`, replacing what it held; its memory
  // is reused, so a caller answering many requests through one buffer does
  // not allocate a response each time (the wasm module keeps one).
  void call(std::string_view op, std::string_view request_json, std::string& out) const;
  // Runs the operation the request names in its own "op" field (one line of
  // `plancalc batch`). Without a string "op": missing_field / wrong_type at
  // /op; an op that does not exist: unknown_op at /op. Otherwise exactly what
  // call(op, request_json) returns.
  std::string dispatch(std::string_view request_json) const;
  // The same response appended to out: a caller answering many requests
  // reuses one buffer (plancalc batch writes them all through it).
  void dispatch(std::string_view request_json, std::string& out) const;

 private:
  std::unique_ptr<const Catalog> catalog_;
  // The parts of compare's response that depend on the catalog only, written once.
  std::unique_ptr<const response_parts::CatalogParts> parts_;
  std::string status_;
};

}  // namespace plancalc::api
