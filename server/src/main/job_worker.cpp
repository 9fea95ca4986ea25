#include "main/job_worker.hpp"

#include <signal.h>

#include <cstdlib>
#include <iostream>
#include <mutex>

#include "app/jobs/jobs.hpp"
#include "platform/log.hpp"
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
  jobs::WorkerOptions options;
  options.concurrency = settings.concurrency;
  options.poll_interval = milliseconds(settings.poll_interval_ms);
  options.lease = seconds(settings.lease_seconds);
  worker_ = std::make_unique<jobs::Worker>(core.deps(), handlers_, options,
                                           store::jobs::listen_for_jobs(config.database_url));
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
}

int run_worker(const std::map<std::string, std::string>& overrides) {
  // Every thread started from here on inherits the mask: the signals arrive only at sigwait below.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

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
  // A connection per runner, one for the heartbeat and one to spare.
  auto core = make_core(config, settings.concurrency + 2);
  auto report = core->db->migrate();
  log::info("db.schema_ready", log::Fields().add("version", report.current_version));
  JobRuntime runtime(*core, config, settings);
  runtime.worker().start();
  log::flush();

  int signo = 0;
  sigwait(&signals, &signo);
  log::info("worker.signal", log::Fields().add("signal", signo == SIGTERM ? "SIGTERM" : "SIGINT"));
  int stuck = runtime.stop(settings);
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
