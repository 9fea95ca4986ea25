#pragma once
// The worker: `concurrency` runner threads, each claiming one due job at a time and running its
// handler, a heartbeat thread that extends the leases of the jobs running (and enqueues the day's
// scheduled jobs), and listeners that wake idle runners: PostgreSQL's NOTIFY, and with REDIS_URL a
// Redis subscription. Idle runners otherwise poll every poll_interval. stop() stops claiming, lets running jobs finish
// within a grace period and hands the rest back to the queue.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/context.hpp"
#include "app/jobs/ports.hpp"
#include "domain/jobs/job_state.hpp"
#include "jobs/handlers.hpp"
#include "platform/emf.hpp"

namespace cma::jobs {

struct WorkerOptions {
  int concurrency = 2;
  std::chrono::milliseconds poll_interval{1000};
  std::chrono::milliseconds lease{std::chrono::seconds(60)};
  domain::BackoffPolicy backoff{};
  bool schedule = true;  // enqueue the daily jobs
  std::string name;      // "" for host:pid
};

// What this process's runners have seen, since it started.
struct JobOutcomes {
  std::atomic<std::uint64_t> done{0};
  std::atomic<std::uint64_t> retried{0};   // failed, queued again after a backoff
  std::atomic<std::uint64_t> dead{0};      // failed for the last time
  std::atomic<std::uint64_t> released{0};  // handed back unfinished at shutdown
  std::atomic<std::uint64_t> lost{0};      // the lease was gone when the attempt ended (cancelled or taken over)
};

class Worker {
 public:
  // `wakeups` may be null (SQLite): then the runners only poll.
  Worker(app::Deps deps, const HandlerRegistry& handlers, WorkerOptions options,
         std::unique_ptr<app::JobWakeups> wakeups);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Another source of wake-ups besides the one given at construction (Redis besides PostgreSQL's
  // notifications); each gets a listener thread. Before start() only.
  void add_wakeups(std::unique_ptr<app::JobWakeups> wakeups);
  void start();
  // Stops claiming, waits up to `grace` for the running jobs, then releases those still running
  // (back to queued, lease cleared). Returns how many runner threads are still inside a handler
  // that did not heed should_stop(); the process should then exit without unwinding.
  int stop(std::chrono::milliseconds grace);
  // Wakes idle runners now (an enqueue in this process).
  void wake();
  const JobOutcomes& outcomes() const { return outcomes_; }
  const std::string& name() const { return name_; }

 private:
  struct Running {
    app::Job job;
    std::string owner;
    std::atomic<bool> stop{false};       // shutdown after the grace period, or the lease was lost
    std::atomic<bool> abandoned{false};  // released by stop(): the runner must not finish it
  };
  void run_loop(int slot);
  // Runs the job and records its outcome; a success also claims the runner's next job into `next`
  // in the same transaction while the worker is not stopping.
  void run_one(app::Job job, const std::string& owner, std::optional<app::Job>& next);
  void heartbeat_loop();
  void listen_loop(app::JobWakeups& wakeups);
  void idle_wait();
  void finish(Running& r, const JobResult& result, std::optional<app::Job>& next);

  app::Deps deps_;
  const HandlerRegistry& handlers_;
  WorkerOptions options_;
  std::vector<std::unique_ptr<app::JobWakeups>> wakeups_;
  std::string name_;
  JobOutcomes outcomes_;

  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::condition_variable wake_cv_;  // idle runners and the heartbeat wait here
  std::condition_variable idle_cv_;  // stop() waits here for running jobs to end
  std::uint64_t wake_seq_ = 0;
  std::list<std::shared_ptr<Running>> running_;
  std::vector<std::thread> threads_;
};

// CloudWatch EMF figures per interval, for the alarms and the dashboard: how many attempts this
// process's runners ended in success (JobsSucceeded), in failure whether retried or not
// (JobsFailed), and in a job's last failure (JobsDead), how many jobs they handed back at shutdown
// (JobsReleased), and how many jobs wait in the queue (QueueDepth: `queue_depth`, a figure for the
// whole queue, left out when it cannot be read). One record with no dimension of its own, so the
// figures are read per Environment.
platform::emf::Source job_metrics_source(const JobOutcomes& outcomes,
                                         std::function<std::optional<double>()> queue_depth);

// host:pid, to tell workers apart in leases and logs.
std::string default_worker_name();

}  // namespace cma::jobs
