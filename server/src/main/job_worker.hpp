#pragma once
// The job worker's settings, `cma worker`, the worker `cma serve` runs in-process on the embedded
// default, and the queue's figures on /metrics (docs/jobs.md).
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "jobs/worker.hpp"
#include "main/observability.hpp"
#include "main/wiring.hpp"
#include "platform/config.hpp"

namespace cma::main {

struct WorkerSettings {
  int concurrency = 2;             // WORKER_CONCURRENCY / --concurrency: jobs run at once
  int poll_interval_ms = 1000;     // JOB_POLL_INTERVAL_MS: how often an idle worker looks for due jobs
  int lease_seconds = 60;          // JOB_LEASE_SECONDS: a claimed job's lease, extended while it runs
  int grace_seconds = 20;          // WORKER_GRACE_SECONDS: how long SIGTERM waits for running jobs
  std::string inprocess = "auto";  // CMA_INPROCESS_WORKER / serve --worker: auto (SQLite only), true, false
  bool retention_apply = true;     // RETENTION_APPLY: false makes the daily retention job report-only
};

std::optional<platform::ConfigError> load_worker_settings(const platform::EnvLookup& env,
                                                          const std::map<std::string, std::string>& overrides,
                                                          WorkerSettings& out);

// Whether `cma serve` runs a worker beside the API.
bool runs_inprocess_worker(const WorkerSettings& settings, const platform::Config& config);

// The built-in handlers, and a worker over them.
class JobRuntime {
 public:
  JobRuntime(Core& core, const platform::Config& config, const WorkerSettings& settings);
  jobs::Worker& worker() { return *worker_; }
  int stop(const WorkerSettings& settings);

 private:
  jobs::HandlerRegistry handlers_;
  std::unique_ptr<jobs::Worker> worker_;
};

// Queue depth by state and the oldest due job's age (from the database, so any API process shows
// them), and, with a worker in this process, its outcomes.
void add_job_metrics(Observability& observability, Core& core, const jobs::Worker* worker);

// `cma worker`: runs jobs until SIGTERM or SIGINT, then drains and exits 0. It answers GET /health
// (and /metrics with METRICS_TOKEN) on PORT for the container's health check.
int run_worker(const std::map<std::string, std::string>& overrides);

}  // namespace cma::main
