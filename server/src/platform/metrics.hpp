#pragma once
// Request metrics: a count and a latency histogram per (method, route template, status class), kept
// per recording thread so the hot path never shares a cache line with another thread, and summed
// only when read (a Prometheus scrape, an EMF interval). Labels are route templates such as
// /api/v1/cases/{id}, never raw paths: no ids or personal data end up in a label.
#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cma::platform::metrics {

// Upper bounds of the latency buckets, in seconds (the last, +Inf, is implicit).
inline constexpr std::array<double, 12> kLatencyBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                           0.1,   0.25,   0.5,   1.0,  2.5,   5.0};
inline constexpr std::size_t kStatusClasses = 5;  // 1xx … 5xx

// What one (method, route, status class) has seen since the process started.
struct RouteTotals {
  std::string method;    // GET, POST, … or OTHER
  std::string route;     // the route template
  int status_class = 2;  // 1 … 5
  std::uint64_t count = 0;
  std::array<std::uint64_t, kLatencyBuckets.size() + 1> buckets{};  // per bucket, not cumulative; last: +Inf
  double sum_seconds = 0;
};

// A known HTTP method, or "OTHER": an unknown method must not add a label value per request.
std::string_view method_label(std::string_view method);

class RequestMetrics {
 public:
  RequestMetrics();
  ~RequestMetrics();
  RequestMetrics(const RequestMetrics&) = delete;
  RequestMetrics& operator=(const RequestMetrics&) = delete;

  // Called once per finished request, from any thread. After a thread's first request on a route it
  // takes no lock and allocates nothing.
  void record(std::string_view method, std::string_view route, int status, std::chrono::nanoseconds duration);
  // Totals summed over threads, ordered by route, method and status class.
  std::vector<RouteTotals> snapshot() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// A figure read at scrape time (open connections, pool size, …).
struct Gauge {
  std::string name;  // [a-zA-Z_:][a-zA-Z0-9_:]*
  std::string help;
  std::string type = "gauge";  // or "counter"
  std::function<double()> read;
};

// The Prometheus text exposition format, version 0.0.4.
inline constexpr const char* kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";
std::string prometheus_text(const std::vector<RouteTotals>& totals, const std::vector<Gauge>& gauges);
// A label value in the exposition format: backslash, double quote and newline escaped.
std::string escape_label_value(std::string_view value);

// The latency below which `quantile` (0 … 1) of the observations fall, estimated from the buckets
// by linear interpolation within the bucket that holds it (as Prometheus' histogram_quantile does).
// Observations above the last bound count as at that bound. 0 when there are none.
double estimate_quantile(const std::array<std::uint64_t, kLatencyBuckets.size() + 1>& buckets, double quantile);

}  // namespace cma::platform::metrics
