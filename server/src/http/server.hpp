#pragma once
// The HTTP server: Beast over Asio with C++20 coroutines. Network threads only read, write and
// route; every handler runs on a bounded pool of database workers, reads and writes on pools of
// their own.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/api.hpp"
#include "platform/metrics.hpp"
#include "platform/xray.hpp"

namespace cma::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 5000;  // 0: any free port (see Server::port())
  int io_threads = 2;
  int workers = 4;             // database worker threads for requests that may write (POST, PUT, PATCH, DELETE)
  int read_workers = 2;        // and for GET, HEAD and OPTIONS
  int queue_limit = 256;       // requests waiting for a worker before the server answers 503
  int max_connections = 1024;  // open connections; a new one beyond this gets 503 and is closed
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_header_bytes = 16 * 1024;
  // Upload routes (http/documents/upload.hpp) stream their body to a spooled file instead: the
  // file part may have up to this many bytes (DOCUMENT_MAX_BYTES), spooled in this directory (the
  // system's temporary directory when empty).
  std::uint64_t max_upload_bytes = 25ull * 1024 * 1024;
  std::string upload_spool_dir;
  int read_timeout_seconds = 15;  // to receive a whole request once it has started
  int idle_timeout_seconds = 75;  // keep-alive; longer than the ALB's 60 s so the ALB closes first
  int drain_seconds = 20;
  // After SIGTERM and before the drain: /health answers 503 and every response closes its connection,
  // while requests are still served, so the load balancer takes this process out of rotation before
  // it stops accepting (docs/operations.md, "Stopping").
  int lame_duck_seconds = 0;
  // Client address and scheme from X-Forwarded-For and X-Forwarded-Proto, through `proxy_hops`
  // proxies that each append the address they saw (docs/operations.md).
  bool trust_proxy = false;
  int proxy_hops = 1;
  // Observability, each optional and owned by the caller (docs/operations.md, "Metrics and traces").
  platform::metrics::RequestMetrics* metrics = nullptr;  // counts and times every request by route
  platform::xray::Tracer* tracer = nullptr;              // one X-Ray segment per sampled request
};

// Runs one request to completion on a worker thread; must not throw.
using RequestHandler = std::function<Response(Request&)>;

class Server {
 public:
  Server(RequestHandler handler, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts listening; throws if the address is taken.
  void start();
  int port() const;
  // Serves until stop() or SIGINT/SIGTERM (when handle_signals), then drains and returns.
  void run(bool handle_signals);
  // Serves lame_duck_seconds more with health failing, then stops accepting, lets in-flight requests
  // finish (up to drain_seconds) and returns from run().
  void stop();
  // True from stop() on: the lame-duck phase and the drain (what /health reports).
  bool draining() const;
  // Figures for /metrics.
  std::size_t open_connections() const;
  int requests_in_flight() const;  // handed to the workers: running or waiting for one
  std::uint64_t refused_connections() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace cma::http
