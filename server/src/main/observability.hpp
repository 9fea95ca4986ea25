#pragma once
// The observability a serving process was configured with: request metrics (for /metrics and for
// CloudWatch EMF lines), the EMF emitter and the X-Ray tracer. Built from the Config; each part is
// absent when its settings are.
#include <memory>
#include <string>
#include <vector>

#include "http/server.hpp"
#include "platform/config.hpp"
#include "platform/emf.hpp"
#include "platform/metrics.hpp"
#include "platform/xray.hpp"

namespace cma::main {

class Observability {
 public:
  explicit Observability(const platform::Config& config);
  ~Observability();
  Observability(const Observability&) = delete;
  Observability& operator=(const Observability&) = delete;

  // Hands the request metrics and the tracer to a server.
  void attach(http::ServerOptions& options);
  // Adds the server's own figures (connections, requests in flight) to /metrics.
  void watch(const http::Server& server);
  // Adds a figure to /metrics (e.g. the database pool).
  void add_gauge(platform::metrics::Gauge gauge);

  // Another source of EMF lines (the job figures); ignored without CMA_EMF. Before start() only.
  void add_emf_source(platform::emf::Source source);

  // GET /metrics is served only when this is non-empty.
  const std::string& metrics_token() const { return metrics_token_; }
  std::string metrics_text() const;

  // Starts and stops the EMF emitter's interval thread (when CMA_EMF is set); stop() writes the
  // last interval.
  void start();
  void stop();

 private:
  std::string metrics_token_;
  std::unique_ptr<platform::metrics::RequestMetrics> metrics_;
  std::unique_ptr<platform::xray::Tracer> tracer_;
  std::unique_ptr<platform::emf::Emitter> emf_;
  std::vector<platform::metrics::Gauge> gauges_;
};

}  // namespace cma::main
