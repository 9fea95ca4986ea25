#include "platform/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <cstdio>

#include "platform/clock.hpp"

namespace cma::platform::log {

namespace {
std::atomic<int> g_min_level{static_cast<int>(Level::info)};
thread_local std::string t_request_id;

spdlog::logger& sink() {
  static auto logger = [] {
    auto l = std::make_shared<spdlog::logger>("cma", std::make_shared<spdlog::sinks::stdout_sink_mt>());
    l->set_pattern("%v");
    l->set_level(spdlog::level::trace);
    // Lines reach stdout within a second (and warnings at once) without a flush per request.
    l->flush_on(spdlog::level::warn);
    spdlog::flush_every(std::chrono::seconds(1));
    spdlog::register_logger(l);
    return l;
  }();
  return *logger;
}

const char* level_name(Level l) {
  switch (l) {
    case Level::debug:
      return "debug";
    case Level::info:
      return "info";
    case Level::warn:
      return "warn";
    case Level::error:
      return "error";
    case Level::off:
      return "off";
  }
  return "info";
}
}  // namespace

bool parse_level(std::string_view text, Level& out) {
  if (text == "debug")
    out = Level::debug;
  else if (text == "info")
    out = Level::info;
  else if (text == "warn" || text == "warning")
    out = Level::warn;
  else if (text == "error")
    out = Level::error;
  else if (text == "off")
    out = Level::off;
  else
    return false;
  return true;
}

void init(Level min_level) {
  g_min_level = static_cast<int>(min_level);
  sink();
}

void flush() {
  sink().flush();
}

bool enabled(Level level) {
  return static_cast<int>(level) >= g_min_level.load(std::memory_order_relaxed);
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void Fields::key(std::string_view k) {
  text_ += ',';
  append_json_string(text_, k);
  text_ += ':';
}
Fields& Fields::add(std::string_view k, std::string_view v) {
  key(k);
  append_json_string(text_, v);
  return *this;
}
Fields& Fields::add(std::string_view k, std::int64_t v) {
  key(k);
  text_ += std::to_string(v);
  return *this;
}
Fields& Fields::add(std::string_view k, double v) {
  key(k);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  text_ += buf;
  return *this;
}
Fields& Fields::add(std::string_view k, bool v) {
  key(k);
  text_ += v ? "true" : "false";
  return *this;
}

void write_line(std::string_view line) {
  sink().info(line);
}

void write(Level level, std::string_view event, const Fields& fields) {
  if (!enabled(level)) return;
  std::string line;
  line.reserve(160 + fields.text().size());
  line += "{\"time\":";
  append_json_string(line, format_time(SystemClock{}.now()));
  line += ",\"level\":\"";
  line += level_name(level);
  line += "\",\"event\":";
  append_json_string(line, event);
  if (!t_request_id.empty()) {
    line += ",\"requestId\":";
    append_json_string(line, t_request_id);
  }
  line += fields.text();
  line += '}';
  if (level >= Level::warn)
    sink().warn(line);
  else
    sink().info(line);
}

RequestScope::RequestScope(std::string_view request_id) : previous_(std::move(t_request_id)) {
  t_request_id = std::string(request_id);
}
RequestScope::~RequestScope() {
  t_request_id = std::move(previous_);
}
const std::string& current_request_id() {
  return t_request_id;
}

}  // namespace cma::platform::log
