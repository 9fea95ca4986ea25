#pragma once
// CloudWatch Embedded Metric Format: metrics written as JSON lines into the log stream, from which
// CloudWatch Logs extracts them. Figures are aggregated per interval (one line per dimension set
// per interval, not one per request), by sources that each report what happened since their last
// call: today the request metrics; job outcomes and queue depth can be added as further sources.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "platform/metrics.hpp"

namespace cma::platform::emf {

// The CloudWatch units this code uses (the spec allows more).
enum class Unit { count, milliseconds, seconds, bytes, none };
const char* unit_name(Unit unit);

struct Metric {
  std::string name;
  Unit unit = Unit::none;
  double value = 0;
};

// One line: its dimension values and the metrics measured under them.
struct Record {
  std::vector<std::pair<std::string, std::string>> dimensions;  // name, value
  std::vector<Metric> metrics;
};

// One EMF document (no trailing newline). `common` dimensions (e.g. Environment) come first; the
// line declares two dimension sets, the common ones alone and the common ones with the record's
// own, so a figure can be read per route and for the whole service. Returns "" for a record with
// no metrics.
std::string format_line(std::string_view metric_namespace,
                        const std::vector<std::pair<std::string, std::string>>& common, const Record& record,
                        std::int64_t timestamp_ms);

// Reports the records for the interval since its previous call.
using Source = std::function<std::vector<Record>()>;

// A source over the request metrics: per method and route, Requests, ClientErrors (4xx),
// ServerErrors (5xx) and the latency (average, and p50/p95/p99 estimated from the histogram
// buckets) of the interval. Routes without requests in the interval write no line.
Source request_metrics_source(const metrics::RequestMetrics& request_metrics);

struct EmitterOptions {
  std::string metric_namespace = "CMA";
  std::vector<std::pair<std::string, std::string>> common_dimensions;
  std::chrono::milliseconds interval{60'000};
};

// Calls every source once per interval on a thread of its own and writes each record as one line.
class Emitter {
 public:
  Emitter(EmitterOptions options, std::function<void(std::string_view)> write_line,
          std::function<std::int64_t()> now_ms);
  ~Emitter();  // stops, writing a last interval
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;

  void add_source(Source source);  // before start()
  void start();
  void stop();
  // Collects and writes one interval now; returns the number of lines written.
  std::size_t emit();

 private:
  EmitterOptions options_;
  std::function<void(std::string_view)> write_line_;
  std::function<std::int64_t()> now_ms_;
  std::vector<Source> sources_;
  std::mutex emit_mu_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace cma::platform::emf
