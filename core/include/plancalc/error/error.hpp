// One error type for the whole engine. Every failure is raised through
// plancalc::fail() and carries a stable snake_case code (listed in
// docs/errors.md), an English message and the JSON Pointer of the offending
// value. The api unit turns it into {"ok":false,"error":{...}}; nothing else
// crosses the boundary.
#pragma once

#include <exception>
#include <string>

namespace plancalc {

enum class Source { request, catalog };

class Error : public std::exception {
 public:
  Error(std::string code, std::string message, std::string path, Source source)
      : code_(std::move(code)), message_(std::move(message)), path_(std::move(path)), source_(source) {}
  const char* what() const noexcept override { return message_.c_str(); }
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& path() const { return path_; }
  Source source() const { return source_; }

 private:
  std::string code_;
  std::string message_;
  std::string path_;
  Source source_;
};

[[noreturn]] void fail(std::string code, std::string message, std::string path = "",
                       Source source = Source::request);

// Quotes a user-supplied string for a message, cut to a readable length so a
// hostile 10 MB id never ends up in an error text.
std::string excerpt(const std::string& s);

}  // namespace plancalc
