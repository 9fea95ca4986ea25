#include "platform/emf.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <tuple>

#include "platform/log.hpp"

namespace cma::platform::emf {

namespace log = platform::log;

const char* unit_name(Unit unit) {
  switch (unit) {
    case Unit::count:
      return "Count";
    case Unit::milliseconds:
      return "Milliseconds";
    case Unit::seconds:
      return "Seconds";
    case Unit::bytes:
      return "Bytes";
    case Unit::none:
      return "None";
  }
  return "None";
}

namespace {

void append_number(std::string& out, double v) {
  if (!std::isfinite(v)) v = 0;  // JSON has no NaN or infinity
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  out += buf;
}

void append_name_list(std::string& out, const std::vector<std::pair<std::string, std::string>>& a,
                      const std::vector<std::pair<std::string, std::string>>& b) {
  out += '[';
  bool first = true;
  for (const auto* list : {&a, &b}) {
    for (const auto& d : *list) {
      if (!first) out += ',';
      first = false;
      log::append_json_string(out, d.first);
    }
  }
  out += ']';
}

}  // namespace

std::string format_line(std::string_view metric_namespace,
                        const std::vector<std::pair<std::string, std::string>>& common, const Record& record,
                        std::int64_t timestamp_ms) {
  if (record.metrics.empty()) return {};
  static const std::vector<std::pair<std::string, std::string>> none;
  std::string out;
  out.reserve(512);
  out += "{\"_aws\":{\"Timestamp\":";
  out += std::to_string(timestamp_ms);
  out += ",\"CloudWatchMetrics\":[{\"Namespace\":";
  log::append_json_string(out, metric_namespace);
  out += ",\"Dimensions\":[";
  if (!common.empty() && !record.dimensions.empty()) {
    append_name_list(out, common, none);
    out += ',';
  }
  append_name_list(out, common, record.dimensions);
  out += "],\"Metrics\":[";
  for (std::size_t i = 0; i < record.metrics.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"Name\":";
    log::append_json_string(out, record.metrics[i].name);
    out += ",\"Unit\":\"";
    out += unit_name(record.metrics[i].unit);
    out += "\"}";
  }
  out += "]}]}";
  // The members the directive refers to: dimension values as strings, metric values as numbers.
  for (const auto* list : {&common, &record.dimensions}) {
    for (const auto& [name, value] : *list) {
      out += ',';
      log::append_json_string(out, name);
      out += ':';
      log::append_json_string(out, value);
    }
  }
  for (const auto& m : record.metrics) {
    out += ',';
    log::append_json_string(out, m.name);
    out += ':';
    append_number(out, m.value);
  }
  out += '}';
  return out;
}

Source request_metrics_source(const metrics::RequestMetrics& request_metrics) {
  // Totals at the previous interval, per method and route (status classes added together), to
  // report the difference.
  struct Seen {
    std::array<std::uint64_t, metrics::kLatencyBuckets.size() + 1> buckets{};
    std::uint64_t count = 0;
    std::uint64_t client_errors = 0;
    std::uint64_t server_errors = 0;
    double sum_seconds = 0;
  };
  using Key = std::pair<std::string, std::string>;  // method, route
  auto previous = std::make_shared<std::map<Key, Seen>>();
  return [&request_metrics, previous]() {
    std::map<Key, Seen> now;
    for (const auto& t : request_metrics.snapshot()) {
      auto& s = now[{t.method, t.route}];
      for (std::size_t b = 0; b < t.buckets.size(); ++b) s.buckets[b] += t.buckets[b];
      s.count += t.count;
      if (t.status_class == 4) s.client_errors += t.count;
      if (t.status_class == 5) s.server_errors += t.count;
      s.sum_seconds += t.sum_seconds;
    }
    std::vector<Record> records;
    for (const auto& [key, s] : now) {
      Seen before;
      if (auto it = previous->find(key); it != previous->end()) before = it->second;
      std::uint64_t count = s.count - before.count;
      if (count == 0) continue;
      std::array<std::uint64_t, metrics::kLatencyBuckets.size() + 1> buckets{};
      for (std::size_t b = 0; b < buckets.size(); ++b) buckets[b] = s.buckets[b] - before.buckets[b];
      double ms = 1000.0;
      Record r;
      r.dimensions = {{"Route", key.first + " " + key.second}};
      r.metrics = {
          {"Requests", Unit::count, static_cast<double>(count)},
          {"ClientErrors", Unit::count, static_cast<double>(s.client_errors - before.client_errors)},
          {"ServerErrors", Unit::count, static_cast<double>(s.server_errors - before.server_errors)},
          {"LatencyAverage", Unit::milliseconds,
           (s.sum_seconds - before.sum_seconds) * ms / static_cast<double>(count)},
          {"LatencyP50", Unit::milliseconds, metrics::estimate_quantile(buckets, 0.50) * ms},
          {"LatencyP95", Unit::milliseconds, metrics::estimate_quantile(buckets, 0.95) * ms},
          {"LatencyP99", Unit::milliseconds, metrics::estimate_quantile(buckets, 0.99) * ms},
      };
      records.push_back(std::move(r));
    }
    *previous = std::move(now);
    return records;
  };
}

Emitter::Emitter(EmitterOptions options, std::function<void(std::string_view)> write_line,
                 std::function<std::int64_t()> now_ms)
    : options_(std::move(options)), write_line_(std::move(write_line)), now_ms_(std::move(now_ms)) {}

Emitter::~Emitter() {
  stop();
}

void Emitter::add_source(Source source) {
  sources_.push_back(std::move(source));
}

void Emitter::start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!stopping_) {
      if (cv_.wait_for(lock, options_.interval, [this] { return stopping_; })) break;
      lock.unlock();
      emit();
      lock.lock();
    }
  });
}

void Emitter::stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
    emit();  // what the last, partial interval saw
  }
}

std::size_t Emitter::emit() {
  std::lock_guard lock(emit_mu_);
  std::size_t lines = 0;
  auto timestamp = now_ms_();
  for (auto& source : sources_) {
    for (const auto& record : source()) {
      auto line = format_line(options_.metric_namespace, options_.common_dimensions, record, timestamp);
      if (line.empty()) continue;
      write_line_(line);
      ++lines;
    }
  }
  return lines;
}

}  // namespace cma::platform::emf
