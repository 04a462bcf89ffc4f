// Native operations per second through the same API the CLI and the wasm
// module call (plancalc::api::Engine::call: request text in, response text
// out), for the requests scripts/bench also runs through wasm in Node, so the
// two figures compare the same work.
//
//   plancalc_bench --requests FILE [Google Benchmark flags]
//
// FILE (written by scripts/bench.mjs): {"cases": [{"catalog": "mailstore",
// "catalog_file": "/abs/plans/mailstore.json", "op": "quote", "request": "{...}"}, ...]}.
// One benchmark per case, named "<op>/<catalog>". Built only with
// -DPLANCALC_BENCH=ON (scripts/bench does that); never part of the tests.
#include <benchmark/benchmark.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plancalc/api/api.hpp"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Case {
  std::string name, op, request;
  std::shared_ptr<const plancalc::api::Engine> engine;
};

}  // namespace

int main(int argc, char** argv) {
  std::string requests_file;
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--requests") == 0 && i + 1 < argc) {
      requests_file = argv[++i];
    } else if (std::strncmp(argv[i], "--requests=", 11) == 0) {
      requests_file = argv[i] + 11;
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (requests_file.empty()) {
    std::cerr << "usage: plancalc_bench --requests FILE [benchmark flags]\n";
    return 2;
  }
  auto spec = nlohmann::json::parse(read_file(requests_file));
  std::vector<Case> cases;
  std::map<std::string, std::shared_ptr<const plancalc::api::Engine>> engines;
  for (const auto& c : spec.at("cases")) {
    std::string file = c.at("catalog_file").get<std::string>();
    auto& engine = engines[file];
    if (!engine) engine = std::make_shared<const plancalc::api::Engine>(read_file(file));
    if (!engine->ok()) {
      std::cerr << file << ": " << engine->status() << "\n";
      return 1;
    }
    cases.push_back({c.at("op").get<std::string>() + "/" + c.at("catalog").get<std::string>(),
                     c.at("op").get<std::string>(), c.at("request").get<std::string>(), engine});
  }
  for (const Case& c : cases) {
    std::string check = c.engine->call(c.op, c.request);
    if (check.rfind("{\"ok\":true", 0) != 0) {
      std::cerr << c.name << ": " << check.substr(0, 300) << "\n";
      return 1;
    }
    benchmark::RegisterBenchmark(c.name.c_str(), [c](benchmark::State& state) {
      std::size_t bytes = 0;
      for (auto _ : state) {
        std::string response = c.engine->call(c.op, c.request);
        bytes += response.size();
        benchmark::DoNotOptimize(response.data());
      }
      state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
      state.counters["response_bytes"] =
          benchmark::Counter(static_cast<double>(bytes) / static_cast<double>(state.iterations()));
    });
  }
  int bargc = static_cast<int>(rest.size());
  benchmark::Initialize(&bargc, rest.data());
  if (benchmark::ReportUnrecognizedArguments(bargc, rest.data())) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
