// One error type for the whole engine. Every failure is raised through
// plancalc::fail() and carries a stable snake_case code (listed in
// docs/errors.md), an English message and the JSON Pointer of the offending
// value. The api unit turns it into {"ok":false,"error":{...}}; nothing else
// crosses the boundary.
#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <vector>

namespace plancalc {

enum class Source { request, catalog };

// One argument of an error, written into the response's "args" object so a
// caller can word the error in its own language (docs/errors.md lists the
// args of every code): a string (id, date), an integer (limit) or a list of
// strings (the valid ids where an id is unknown).
struct ErrorArg {
  enum class Kind { string, integer, strings };
  std::string key;
  Kind kind = Kind::string;
  std::string text;
  std::int64_t number = 0;
  std::vector<std::string> list;
};
using ErrorArgs = std::vector<ErrorArg>;
inline ErrorArg arg(std::string key, std::string text) {
  return ErrorArg{std::move(key), ErrorArg::Kind::string, std::move(text), 0, {}};
}
inline ErrorArg arg(std::string key, std::int64_t n) {
  return ErrorArg{std::move(key), ErrorArg::Kind::integer, {}, n, {}};
}
inline ErrorArg arg(std::string key, std::vector<std::string> list) {
  return ErrorArg{std::move(key), ErrorArg::Kind::strings, {}, 0, std::move(list)};
}

class Error : public std::exception {
 public:
  Error(std::string code, std::string message, std::string path, Source source, ErrorArgs args = {})
      : code_(std::move(code)),
        message_(std::move(message)),
        path_(std::move(path)),
        source_(source),
        args_(std::move(args)) {}
  const char* what() const noexcept override { return message_.c_str(); }
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& path() const { return path_; }
  Source source() const { return source_; }
  const ErrorArgs& args() const { return args_; }

 private:
  std::string code_;
  std::string message_;
  std::string path_;
  Source source_;
  ErrorArgs args_;
};

[[noreturn]] void fail(std::string code, std::string message, std::string path = "",
                       Source source = Source::request);
[[noreturn]] void fail(std::string code, std::string message, std::string path, Source source,
                       ErrorArgs args);
[[noreturn]] void fail(std::string code, std::string message, std::string path, ErrorArgs args);

// Quotes a user-supplied string for a message, cut to a readable length so a
// hostile 10 MB id never ends up in an error text.
std::string excerpt(const std::string& s);

}  // namespace plancalc
