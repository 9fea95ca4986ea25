#include "main/observability.hpp"

#include <chrono>
#include <stdexcept>

#include "platform/log.hpp"

namespace cma::main {

namespace log = platform::log;

namespace {
double unix_seconds_now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}
}  // namespace

Observability::Observability(const platform::Config& config) : metrics_token_(config.metrics_token) {
  if (!config.metrics_token.empty() || config.emf) metrics_ = std::make_unique<platform::metrics::RequestMetrics>();

  double started = unix_seconds_now();
  gauges_.push_back({"cma_process_start_time_seconds", "When the process started, in seconds since the epoch.", "gauge",
                     [started] { return started; }});
  gauges_.push_back({"cma_process_uptime_seconds", "Seconds since the process started.", "gauge",
                     [started] { return unix_seconds_now() - started; }});

  if (!config.xray_daemon_address.empty()) {
    try {
      tracer_ = std::make_unique<platform::xray::Tracer>(platform::xray::TracerOptions{
          config.xray_daemon_address, config.xray_tracing_name, config.xray_sampling_rate});
      auto* tracer = tracer_.get();
      gauges_.push_back({"cma_xray_segments_sent_total", "X-Ray segments handed to the daemon.", "counter",
                         [tracer] { return static_cast<double>(tracer->sent()); }});
      gauges_.push_back({"cma_xray_segments_failed_total", "X-Ray segments that could not be sent at once.", "counter",
                         [tracer] { return static_cast<double>(tracer->failed()); }});
      log::info("xray.enabled", log::Fields()
                                    .add("daemon", config.xray_daemon_address)
                                    .add("name", config.xray_tracing_name)
                                    .add("samplingRate", config.xray_sampling_rate));
    } catch (const std::exception& e) {
      // Tracing is an aid, not a dependency: a daemon that cannot be found must not stop the API.
      log::warn("xray.disabled", log::Fields().add("daemon", config.xray_daemon_address).add("error", e.what()));
    }
  }

  if (config.emf) {
    platform::emf::EmitterOptions options;
    options.metric_namespace = config.emf_namespace;
    options.interval = std::chrono::seconds(config.emf_interval_seconds);
    if (!config.environment.empty()) options.common_dimensions.emplace_back("Environment", config.environment);
    emf_ = std::make_unique<platform::emf::Emitter>(
        std::move(options), [](std::string_view line) { log::write_line(line); },
        [] {
          return std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::system_clock::now().time_since_epoch())
              .count();
        });
    emf_->add_source(platform::emf::request_metrics_source(*metrics_));
  }
}

Observability::~Observability() {
  stop();
}

void Observability::attach(http::ServerOptions& options) {
  options.metrics = metrics_.get();
  options.tracer = tracer_.get();
}

void Observability::watch(const http::Server& server) {
  gauges_.push_back({"cma_http_open_connections", "Client connections open now, idle keep-alive ones included.",
                     "gauge", [&server] { return static_cast<double>(server.open_connections()); }});
  gauges_.push_back({"cma_http_requests_in_flight", "Requests handed to the workers: running or waiting for one.",
                     "gauge", [&server] { return static_cast<double>(server.requests_in_flight()); }});
  gauges_.push_back({"cma_http_connections_refused_total", "Connections refused for being over MAX_CONNECTIONS.",
                     "counter", [&server] { return static_cast<double>(server.refused_connections()); }});
}

void Observability::add_gauge(platform::metrics::Gauge gauge) {
  gauges_.push_back(std::move(gauge));
}

void Observability::add_emf_source(platform::emf::Source source) {
  if (emf_) emf_->add_source(std::move(source));
}

std::string Observability::metrics_text() const {
  return platform::metrics::prometheus_text(
      metrics_ ? metrics_->snapshot() : std::vector<platform::metrics::RouteTotals>{}, gauges_);
}

void Observability::start() {
  if (emf_) emf_->start();
}

void Observability::stop() {
  if (emf_) emf_->stop();
}

}  // namespace cma::main
