#include "main/job_worker.hpp"

#include <boost/json.hpp>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>

#include "app/jobs/jobs.hpp"
#include "http/server.hpp"
#include "platform/crypto.hpp"
#include "platform/log.hpp"
#include "platform/metrics.hpp"
#include "redis/job_wakeups.hpp"
#include "store/jobs/listener.hpp"

namespace cma::main {

namespace log = platform::log;
using std::chrono::milliseconds;
using std::chrono::seconds;

std::optional<platform::ConfigError> load_worker_settings(const platform::EnvLookup& env,
                                                          const std::map<std::string, std::string>& overrides,
                                                          WorkerSettings& out) {
  auto get = [&](const std::string& name) -> std::optional<std::string> {
    if (auto it = overrides.find(name); it != overrides.end() && !it->second.empty()) return it->second;
    auto v = env(name);
    if (v && v->empty()) return std::nullopt;
    return v;
  };
  auto int_setting = [&](const std::string& name, int& target, int min,
                         int max) -> std::optional<platform::ConfigError> {
    auto v = get(name);
    if (!v) return std::nullopt;
    int n = 0;
    std::size_t used = 0;
    try {
      n = std::stoi(*v, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != v->size() || n < min || n > max)
      return platform::ConfigError{name,
                                   "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max)};
    target = n;
    return std::nullopt;
  };
  if (auto e = int_setting("WORKER_CONCURRENCY", out.concurrency, 1, 256)) return e;
  if (auto e = int_setting("JOB_POLL_INTERVAL_MS", out.poll_interval_ms, 10, 600000)) return e;
  if (auto e = int_setting("JOB_LEASE_SECONDS", out.lease_seconds, 1, 3600)) return e;
  if (auto e = int_setting("WORKER_GRACE_SECONDS", out.grace_seconds, 0, 3600)) return e;
  if (auto v = get("RETENTION_APPLY")) {
    if (*v != "true" && *v != "false" && *v != "1" && *v != "0")
      return platform::ConfigError{"RETENTION_APPLY", "must be true or false"};
    out.retention_apply = *v == "true" || *v == "1";
  }
  if (auto v = get("CMA_INPROCESS_WORKER")) {
    if (*v != "auto" && *v != "true" && *v != "false")
      return platform::ConfigError{"CMA_INPROCESS_WORKER", "must be auto, true or false"};
    out.inprocess = *v;
  }
  return std::nullopt;
}

bool runs_inprocess_worker(const WorkerSettings& settings, const platform::Config& config) {
  if (settings.inprocess == "auto") return platform::is_sqlite_url(config.database_url);
  return settings.inprocess == "true";
}

JobRuntime::JobRuntime(Core& core, const platform::Config& config, const WorkerSettings& settings) {
  jobs::add_builtin_handlers(handlers_);
  handlers_.add(jobs::kRetentionApplyJob, jobs::retention_apply_handler(settings.retention_apply));
  jobs::WorkerOptions options;
  options.concurrency = settings.concurrency;
  options.poll_interval = milliseconds(settings.poll_interval_ms);
  options.lease = seconds(settings.lease_seconds);
  worker_ = std::make_unique<jobs::Worker>(core.deps(), handlers_, options,
                                           store::jobs::listen_for_jobs(config.database_url));
  // With REDIS_URL, a job queued by any process (after its commit) wakes the idle runners at once.
  if (config.redis.enabled) worker_->add_wakeups(std::make_unique<redis::RedisJobWakeups>(config.redis));
}

int JobRuntime::stop(const WorkerSettings& settings) {
  return worker_->stop(seconds(settings.grace_seconds));
}

void add_job_metrics(Observability& observability, Core& core, const jobs::Worker* worker) {
  // One query per scrape at most, however many of the figures below read it.
  struct Cache {
    std::mutex mu;
    std::chrono::steady_clock::time_point read_at{};
    app::JobCounts counts;
    double oldest_age = 0;
  };
  auto cache = std::make_shared<Cache>();
  auto deps = core.deps();
  auto read = [cache, deps](auto pick) {
    return [cache, deps, pick]() -> double {
      std::lock_guard lock(cache->mu);
      auto now = std::chrono::steady_clock::now();
      if (now - cache->read_at > std::chrono::seconds(1)) {
        try {
          cache->counts = app::count_jobs(deps);
          cache->oldest_age = 0;
          if (auto t = platform::parse_time(cache->counts.oldest_queued_run_at))
            cache->oldest_age = std::max(0.0, std::chrono::duration<double>(deps.clock.now() - *t).count());
        } catch (const std::exception& e) {
          log::warn("jobs.count_failed", log::Fields().add("error", std::string_view(e.what()).substr(0, 200)));
        }
        cache->read_at = now;
      }
      return pick(*cache);
    };
  };
  for (const char* state : {"queued", "running", "done", "dead", "cancelled"}) {
    observability.add_gauge({std::string("cma_jobs_") + state,
                             std::string("Jobs in the queue now in the state ") + state + ".", "gauge",
                             read([state](Cache& c) {
                               auto it = c.counts.by_state.find(state);
                               return it == c.counts.by_state.end() ? 0.0 : static_cast<double>(it->second);
                             })});
  }
  observability.add_gauge({"cma_jobs_oldest_due_age_seconds",
                           "How long the longest-waiting due job has waited to be claimed (0 when none waits).",
                           "gauge", read([](Cache& c) { return c.oldest_age; })});
  if (worker == nullptr) return;
  const auto& o = worker->outcomes();
  auto counter = [&](const char* name, const char* help, const std::atomic<std::uint64_t>& value) {
    observability.add_gauge({name, help, "counter", [&value] { return static_cast<double>(value.load()); }});
  };
  counter("cma_jobs_completed_total", "Job attempts this process ran to success.", o.done);
  counter("cma_jobs_retried_total", "Job attempts this process ran that failed and were queued again.", o.retried);
  counter("cma_jobs_dead_total", "Jobs this process ran that failed for the last time.", o.dead);
  counter("cma_jobs_released_total", "Jobs this process handed back unfinished at shutdown.", o.released);
  counter("cma_jobs_lease_lost_total", "Job attempts whose lease was gone when they ended.", o.lost);
  observability.add_emf_source(jobs::job_metrics_source(o, [deps]() -> std::optional<double> {
    try {
      auto counts = app::count_jobs(deps);
      auto it = counts.by_state.find("queued");
      return it == counts.by_state.end() ? 0.0 : static_cast<double>(it->second);
    } catch (const std::exception& e) {
      log::warn("jobs.count_failed", log::Fields().add("error", std::string_view(e.what()).substr(0, 200)));
      return std::nullopt;
    }
  }));
}

namespace {

// What a worker answers on its port: /health for the container's health check (200 while it runs
// and its database answers), /metrics with METRICS_TOKEN as `cma serve` does, nothing else.
http::RequestHandler worker_endpoints(Core& core, const Observability& observability, std::function<bool()> draining) {
  return [&core, &observability, draining](http::Request& req) -> http::Response {
    if (req.path == "/health" && req.method == "GET") {
      req.route = "/health";
      bool db_ok = core.db->ping();
      bool ok = db_ok && !draining();
      boost::json::object body{{"status", ok ? "ok" : "unavailable"},
                               {"version", CMA_VERSION},
                               {"checks", boost::json::object{{"database", db_ok ? "ok" : "failing"},
                                                              {"worker", draining() ? "draining" : "ok"}}}};
      auto resp = http::Response::json(ok ? 200 : 503, body);
      resp.headers.emplace_back("Cache-Control", "no-store");
      return resp;
    }
    if (req.path == "/metrics" && req.method == "GET" && !observability.metrics_token().empty()) {
      req.route = "/metrics";
      constexpr std::string_view prefix = "Bearer ";
      std::string_view auth = req.authorization;
      if (auth.size() <= prefix.size() || auth.substr(0, prefix.size()) != prefix ||
          !platform::constant_time_equal(auth.substr(prefix.size()), observability.metrics_token())) {
        auto resp = http::problem(401, "Unauthorized", "Send the metrics token: Authorization: Bearer <token>.", req);
        resp.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"metrics\"");
        return resp;
      }
      http::Response resp;
      resp.content_type = platform::metrics::kPrometheusContentType;
      resp.body = observability.metrics_text();
      resp.headers.emplace_back("Cache-Control", "no-store");
      return resp;
    }
    req.route = "(other)";
    return http::problem(404, "Not found", "A worker answers only GET /health and GET /metrics.", req);
  };
}

}  // namespace

int run_worker(const std::map<std::string, std::string>& overrides) {
  platform::Config config;
  if (auto err = platform::load_config(platform::process_env(), overrides, false, config)) {
    std::cerr << err->line() << "\n";
    return 2;
  }
  log::init(config.log_level);
  WorkerSettings settings;
  if (auto err = load_worker_settings(platform::process_env(), overrides, settings)) {
    std::cerr << err->line() << "\n";
    return 2;
  }
  // A connection per runner, one for the heartbeat, one for health checks and one to spare.
  auto core = make_core(config, settings.concurrency + 3);
  // Extraction jobs read documents' bytes from the same store the API writes them to, and an
  // expired direct upload's object and retention's purged documents are removed from it.
  try {
    core->blobs = make_blob_store(config);
  } catch (const std::exception& e) {
    std::cerr << "configuration error: " << e.what() << "\n";
    return 2;
  }
  core->extractor = make_text_extractor_or_log();
  auto report = core->db->migrate();
  log::info("db.schema_ready", log::Fields().add("version", report.current_version));
  Observability observability(config);
  JobRuntime runtime(*core, config, settings);
  add_job_metrics(observability, *core, &runtime.worker());

  http::ServerOptions opt;
  opt.bind = config.bind;
  opt.port = config.port;
  opt.io_threads = 1;
  opt.workers = 2;
  opt.queue_limit = 64;
  opt.max_connections = 64;
  opt.drain_seconds = std::min(config.drain_seconds, 5);  // health checks and scrapes only
  observability.attach(opt);
  http::Server* server_ptr = nullptr;
  http::Server server(
      worker_endpoints(*core, observability, [&server_ptr] { return server_ptr != nullptr && server_ptr->draining(); }),
      opt);
  server_ptr = &server;
  try {
    server.start();
  } catch (const std::exception& e) {
    std::cerr << "cannot listen on " << config.bind << ":" << config.port
              << " (the worker's health check): " << e.what() << "\n";
    return 1;
  }
  log::info("server.listening",
            log::Fields()
                .add("bind", config.bind)
                .add("port", server.port())
                .add("version", CMA_VERSION)
                .add("serves", "worker")
                .add("database", platform::is_sqlite_url(config.database_url) ? "sqlite" : "postgresql"));
  runtime.worker().start();
  log::flush();
  observability.start();
  server.run(true);  // until SIGTERM or SIGINT
  int stuck = runtime.stop(settings);
  observability.stop();
  const auto& o = runtime.worker().outcomes();
  log::info("worker.exit", log::Fields()
                               .add("completed", static_cast<std::int64_t>(o.done.load()))
                               .add("retried", static_cast<std::int64_t>(o.retried.load()))
                               .add("dead", static_cast<std::int64_t>(o.dead.load()))
                               .add("released", static_cast<std::int64_t>(o.released.load())));
  if (stuck > 0) {
    // A handler ignored should_stop(); its job is released, so leave without waiting for it.
    log::flush();
    std::_Exit(0);
  }
  return 0;
}

}  // namespace cma::main
