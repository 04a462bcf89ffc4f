#include "batch.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string_view>

#include <fcntl.h>
#include <unistd.h>

#include "plancalc/api/api.hpp"
#include "plancalc/api/memory_reserve.hpp"

namespace plancalc::cli {
namespace {

constexpr std::size_t kReadChunk = 64 * 1024;
constexpr std::size_t kFlushAt = 256 * 1024;
constexpr int kPipeBytes = 1024 * 1024;

// A pipe holds 64 KiB by default, so each 256 KiB flush waited for the reader
// several times over, in system time (docs/performance.md, item 22). 1 MiB is
// what Linux lets any process ask for; elsewhere, or for a file or a
// terminal, nothing changes.
void widen_if_pipe(int fd) {
#ifdef F_SETPIPE_SZ
  ::fcntl(fd, F_SETPIPE_SZ, kPipeBytes);
#else
  (void)fd;
#endif
}

// Buffered writes to stdout through write(2); remembers a failure.
class Output {
 public:
  Output() { buffer_.reserve(kFlushAt + kReadChunk); }
  ~Output() { flush(); }
  void line(const std::string& text) {
    buffer_ += text;
    end_line();
  }
  // The engine's answer to a request, written straight into the buffer.
  void answer(const api::Engine& engine, std::string_view request) {
    engine.dispatch(request, buffer_);
    end_line();
    api::hold_memory_reserve();  // again, if this line ran out of memory and used it
  }
  void flush() {
    std::size_t done = 0;
    while (done < buffer_.size() && ok_) {
      ssize_t n = ::write(STDOUT_FILENO, buffer_.data() + done, buffer_.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ok_ = false;
        break;
      }
      done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }
  bool ok() const { return ok_; }

 private:
  void end_line() {
    buffer_ += '\n';
    if (buffer_.size() >= kFlushAt) flush();
  }

  std::string buffer_;
  bool ok_ = true;
};

// The engine's own answer to a request over the limit, for a line that is
// never held whole.
const std::string& too_large() {
  static const std::string response = api::too_large_response(api::kMaxRequestBytes, Source::request);
  return response;
}

// Collects one line at a time from chunks of input. A line's text excludes
// its "\n" and one "\r" before it (CRLF input); past the limit the rest of
// the line is skipped.
class Lines {
 public:
  explicit Lines(const api::Engine& engine, Output& out) : engine_(engine), out_(out) {}

  void feed(const char* data, std::size_t size) {
    while (size > 0) {
      const char* nl = static_cast<const char*>(std::memchr(data, '\n', size));
      std::size_t take = nl ? static_cast<std::size_t>(nl - data) : size;
      if (nl && !pending_) {
        answer(std::string_view(data, take));  // a whole line in this chunk: not copied
      } else {
        append(data, take);
        if (!nl) return;
        finish();
      }
      data += take + 1;
      size -= take + 1;
    }
  }

  // End of input: a last line without "\n" is answered too.
  void end() {
    if (pending_) finish();
  }

 private:
  void append(const char* data, std::size_t size) {
    if (size == 0) return;
    pending_ = true;
    if (over_) return;
    // One byte of slack for the "\r" of a CRLF line exactly at the limit.
    if (line_.size() + size > api::kMaxRequestBytes + 1) {
      over_ = true;
      line_.clear();
      line_.shrink_to_fit();
      return;
    }
    line_.append(data, size);
  }

  // A line's text, with its "\r" if it has one.
  void answer(std::string_view text) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.size() > api::kMaxRequestBytes) {
      out_.line(too_large());
    } else {
      out_.answer(engine_, text);
    }
  }

  void finish() {
    if (over_) {
      out_.line(too_large());
    } else {
      answer(line_);
    }
    line_.clear();
    over_ = false;
    pending_ = false;
  }

  const api::Engine& engine_;
  Output& out_;
  std::string line_;
  bool pending_ = false;  // a line has started (an empty line between two "\n" still counts)
  bool over_ = false;  // the line is over the limit: the rest of it is skipped
};

// Reads standard input to its end, unanswered.
void discard_input(char* chunk, std::size_t size) {
  for (;;) {
    ssize_t n = ::read(STDIN_FILENO, chunk, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
  }
}

}  // namespace

int batch(const std::string& catalog_text, const std::string& catalog_label) {
  static char chunk[kReadChunk];
  api::Engine engine(catalog_text);
  Output out;
  if (!engine.ok()) {
    out.line(engine.status());
    out.flush();
    std::cerr << "plancalc: " << catalog_label << ": the catalog is rejected; no request was answered\n";
    // The input is still read to its end, so that whatever writes it does
    // not fail on a closed pipe (EPIPE; the CLI tests' runner did, at random).
    discard_input(chunk, sizeof chunk);
    return 1;
  }
  widen_if_pipe(STDIN_FILENO);
  widen_if_pipe(STDOUT_FILENO);
  Lines lines(engine, out);
  for (;;) {
    // Answers so far go out before waiting for more input, so a caller that
    // writes one line and waits for its answer is not stuck.
    out.flush();
    if (!out.ok()) break;
    ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::cerr << "plancalc: batch: cannot read standard input: " << std::strerror(errno) << "\n";
      return 1;
    }
    if (n == 0) break;
    lines.feed(chunk, static_cast<std::size_t>(n));
  }
  lines.end();
  out.flush();
  if (!out.ok()) {
    std::cerr << "plancalc: batch: cannot write standard output\n";
    return 1;
  }
  return 0;
}

}  // namespace plancalc::cli
