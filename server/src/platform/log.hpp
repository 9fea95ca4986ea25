#pragma once
// Structured logs: one JSON object per line on stdout, each with the current request id.
// Never pass personal data (names, e-mail addresses, NI numbers, balances) as a field.
#include <cstdint>
#include <string>
#include <string_view>

namespace cma::platform::log {

enum class Level { debug = 0, info = 1, warn = 2, error = 3, off = 4 };

bool parse_level(std::string_view text, Level& out);
void init(Level min_level);
bool enabled(Level level);

// Builds the fields of one line; values are JSON-escaped as they are added.
class Fields {
 public:
  Fields& add(std::string_view key, std::string_view value);
  Fields& add(std::string_view key, const char* value) { return add(key, std::string_view(value)); }
  Fields& add(std::string_view key, const std::string& value) { return add(key, std::string_view(value)); }
  Fields& add(std::string_view key, std::int64_t value);
  Fields& add(std::string_view key, int value) { return add(key, static_cast<std::int64_t>(value)); }
  Fields& add(std::string_view key, std::size_t value) { return add(key, static_cast<std::int64_t>(value)); }
  Fields& add(std::string_view key, double value);
  Fields& add(std::string_view key, bool value);
  const std::string& text() const { return text_; }

 private:
  void key(std::string_view k);
  std::string text_;
};

// Writes a line made elsewhere (an EMF document) as it is, whatever the level, in the same stream
// as the log lines so the two never interleave mid-line.
void write_line(std::string_view line);

// Writes out buffered lines; call before the process exits.
void flush();

void write(Level level, std::string_view event, const Fields& fields = {});
inline void debug(std::string_view event, const Fields& f = {}) {
  write(Level::debug, event, f);
}
inline void info(std::string_view event, const Fields& f = {}) {
  write(Level::info, event, f);
}
inline void warn(std::string_view event, const Fields& f = {}) {
  write(Level::warn, event, f);
}
inline void error(std::string_view event, const Fields& f = {}) {
  write(Level::error, event, f);
}

// The request id of the work running on this thread; written into every line.
class RequestScope {
 public:
  explicit RequestScope(std::string_view request_id);
  ~RequestScope();
  RequestScope(const RequestScope&) = delete;
  RequestScope& operator=(const RequestScope&) = delete;

 private:
  std::string previous_;
};
const std::string& current_request_id();

void append_json_string(std::string& out, std::string_view s);

}  // namespace cma::platform::log
