#include "jobs/worker.hpp"

#include <unistd.h>

#include <random>

#include "app/jobs/jobs.hpp"
#include "platform/log.hpp"

namespace cma::jobs {

namespace log = platform::log;
using std::chrono::milliseconds;

namespace {

double jitter() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}

std::string first_line(std::string_view what) {
  return std::string(what.substr(0, std::min<std::size_t>(what.find('\n'), 300)));
}

log::Fields job_fields(const app::Job& j) {
  log::Fields f;
  f.add("job", j.id).add("kind", j.kind).add("attempt", j.attempts);
  if (!j.centre_id.empty()) f.add("centre", j.centre_id);
  return f;
}

}  // namespace

std::string default_worker_name() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] != '\0' ? host : "worker") + ":" + std::to_string(::getpid());
}

Worker::Worker(app::Deps deps, const HandlerRegistry& handlers, WorkerOptions options,
               std::unique_ptr<app::JobWakeups> wakeups)
    : deps_(deps),
      handlers_(handlers),
      options_(std::move(options)),
      name_(options_.name.empty() ? default_worker_name() : options_.name) {
  options_.concurrency = std::max(1, options_.concurrency);
  if (wakeups) wakeups_.push_back(std::move(wakeups));
}

void Worker::add_wakeups(std::unique_ptr<app::JobWakeups> wakeups) {
  if (wakeups) wakeups_.push_back(std::move(wakeups));
}

Worker::~Worker() {
  if (!threads_.empty()) stop(milliseconds(0));
}

void Worker::start() {
  log::info("worker.started", log::Fields()
                                  .add("worker", name_)
                                  .add("concurrency", options_.concurrency)
                                  .add("pollIntervalMs", static_cast<std::int64_t>(options_.poll_interval.count()))
                                  .add("leaseMs", static_cast<std::int64_t>(options_.lease.count()))
                                  .add("notifications", !wakeups_.empty()));
  for (int i = 0; i < options_.concurrency; ++i) threads_.emplace_back([this, i] { run_loop(i); });
  threads_.emplace_back([this] { heartbeat_loop(); });
  for (auto& w : wakeups_) threads_.emplace_back([this, &w] { listen_loop(*w); });
}

void Worker::wake() {
  {
    std::lock_guard lock(mu_);
    ++wake_seq_;
  }
  wake_cv_.notify_all();
}

void Worker::idle_wait() {
  std::unique_lock lock(mu_);
  auto seen = wake_seq_;
  wake_cv_.wait_for(lock, options_.poll_interval, [&] { return stopping_.load() || wake_seq_ != seen; });
}

void Worker::run_loop(int slot) {
  // One owner per runner: a job whose lease this process let lapse and another of its runners
  // claimed again is not mistaken for the first runner's.
  const std::string owner = name_ + ":" + std::to_string(slot);
  // A job claimed with the last one's completion is run (or, once stopping, handed back by run_one)
  // before the runner claims on its own again.
  std::optional<app::Job> next;
  while (next || !stopping_.load()) {
    if (!next) {
      std::vector<app::Job> claimed;
      try {
        claimed = app::claim_jobs(deps_, owner, options_.lease, 1);
      } catch (const std::exception& e) {
        log::warn("worker.claim_failed", log::Fields().add("worker", owner).add("error", first_line(e.what())));
        idle_wait();
        continue;
      }
      if (claimed.empty()) {
        idle_wait();
        continue;
      }
      next = std::move(claimed.front());
    }
    app::Job job = std::move(*next);
    next.reset();
    run_one(std::move(job), owner, next);
  }
}

void Worker::run_one(app::Job job, const std::string& owner, std::optional<app::Job>& next) {
  auto r = std::make_shared<Running>();
  r->job = std::move(job);
  r->owner = owner;
  {
    // Under the lock stop() takes to begin: a job claimed as shutdown began is either among those
    // stop() waits for, or handed back here without running.
    std::unique_lock lock(mu_);
    if (stopping_.load()) {
      lock.unlock();
      try {
        if (app::release_job(deps_, r->job, owner)) ++outcomes_.released;
      } catch (const std::exception& e) {
        log::warn("job.release_failed", job_fields(r->job).add("error", first_line(e.what())));
      }
      return;
    }
    running_.push_back(r);
  }
  log::info("job.started", job_fields(r->job).add("worker", owner));
  JobResult result;
  if (r->job.attempts > r->job.max_attempts) {
    // Claimed again after its last attempt's lease ran out (the worker died each time).
    result = JobResult::permanent("the lease of its last attempt ran out before it finished");
  } else if (const auto* handler = handlers_.find(r->job.kind); handler == nullptr) {
    result = JobResult::permanent("no handler for the kind " + r->job.kind);
  } else {
    try {
      JobContext ctx(r->job, deps_, r->stop);
      result = (*handler)(ctx);
    } catch (const std::exception& e) {
      result = JobResult::failed(first_line(e.what()));
    }
  }
  try {
    if (!r->abandoned.load()) finish(*r, result, next);
  } catch (const std::exception& e) {
    // The lease will run out and the job will be claimed again.
    log::warn("job.finish_failed", job_fields(r->job).add("error", first_line(e.what())));
  }
  {
    std::lock_guard lock(mu_);
    running_.remove(r);
  }
  idle_cv_.notify_all();
}

void Worker::finish(Running& r, const JobResult& result, std::optional<app::Job>& next) {
  const auto& job = r.job;
  using Status = JobResult::Status;
  if (result.status == Status::done) {
    bool held = false;
    if (stopping_.load()) {
      held = app::complete_job(deps_, job, r.owner);
    } else {
      auto done = app::complete_job_and_claim(deps_, job, r.owner, options_.lease);
      held = done.held;
      next = std::move(done.next);
    }
    if (held) {
      ++outcomes_.done;
      log::info("job.completed", job_fields(job));
    } else {
      ++outcomes_.lost;
      log::warn("job.lease_lost", job_fields(job).add("outcome", "done"));
    }
    return;
  }
  if (result.status == Status::interrupted) {
    if (app::release_job(deps_, job, r.owner)) {
      ++outcomes_.released;
      log::info("job.released", job_fields(job));
    }
    return;
  }
  auto delay = domain::retry_delay(options_.backoff, job.attempts, jitter());
  auto state = app::fail_job(deps_, job, r.owner, result.error, delay, result.status == Status::dead);
  if (!state) {
    ++outcomes_.lost;
    log::warn("job.lease_lost", job_fields(job).add("outcome", "failed").add("error", result.error));
  } else if (*state == domain::JobState::dead) {
    ++outcomes_.dead;
    log::error("job.dead", job_fields(job).add("error", result.error));
  } else {
    ++outcomes_.retried;
    log::warn("job.failed",
              job_fields(job).add("error", result.error).add("retryInMs", static_cast<std::int64_t>(delay.count())));
  }
}

void Worker::heartbeat_loop() {
  // A lease is extended three times in its life, so one missed beat does not lose it.
  const auto beat = std::max(milliseconds(50), options_.lease / 3);
  constexpr auto kScheduleEvery = std::chrono::minutes(1);
  auto next_schedule = std::chrono::steady_clock::now();
  std::unique_lock lock(mu_);
  while (!stopping_.load()) {
    auto running = std::vector<std::shared_ptr<Running>>(running_.begin(), running_.end());
    lock.unlock();
    for (const auto& r : running) {
      if (r->abandoned.load()) continue;
      try {
        if (!app::extend_job_lease(deps_, r->job, r->owner, options_.lease)) {
          r->stop = true;  // cancelled, or claimed by another worker after the lease ran out
          log::warn("job.lease_lost", job_fields(r->job));
        }
      } catch (const std::exception& e) {
        log::warn("job.heartbeat_failed", job_fields(r->job).add("error", first_line(e.what())));
      }
    }
    if (options_.schedule && std::chrono::steady_clock::now() >= next_schedule) {
      next_schedule = std::chrono::steady_clock::now() + kScheduleEvery;
      try {
        if (int added = schedule_daily_jobs(deps_); added > 0)
          log::info("jobs.scheduled", log::Fields().add("worker", name_).add("jobs", added));
      } catch (const std::exception& e) {
        log::warn("jobs.schedule_failed", log::Fields().add("error", first_line(e.what())));
      }
    }
    lock.lock();
    wake_cv_.wait_for(lock, beat, [&] { return stopping_.load(); });
  }
}

void Worker::listen_loop(app::JobWakeups& wakeups) {
  while (!stopping_.load()) {
    // Short waits, so shutdown is noticed promptly whatever the poll interval.
    if (wakeups.wait(std::min(options_.poll_interval, milliseconds(250)))) wake();
  }
}

int Worker::stop(milliseconds grace) {
  if (threads_.empty()) return 0;
  std::unique_lock lock(mu_);
  stopping_ = true;
  wake_cv_.notify_all();
  log::info("worker.stopping", log::Fields()
                                   .add("worker", name_)
                                   .add("running", running_.size())
                                   .add("graceMs", static_cast<std::int64_t>(grace.count())));
  idle_cv_.wait_for(lock, grace, [&] { return running_.empty(); });
  auto left = std::vector<std::shared_ptr<Running>>(running_.begin(), running_.end());
  lock.unlock();
  for (const auto& r : left) {
    r->abandoned = true;
    r->stop = true;
    try {
      if (app::release_job(deps_, r->job, r->owner)) {
        ++outcomes_.released;
        log::info("job.released", job_fields(r->job));
      }
    } catch (const std::exception& e) {
      log::warn("job.release_failed", job_fields(r->job).add("error", first_line(e.what())));
    }
  }
  // Handlers that heed should_stop() return within moments; a thread still inside one after that is
  // left behind (the caller exits the process).
  lock.lock();
  idle_cv_.wait_for(lock, milliseconds(2000), [&] { return running_.empty(); });
  int stuck = static_cast<int>(running_.size());
  lock.unlock();
  for (auto& t : threads_) {
    if (stuck > 0)
      t.detach();
    else
      t.join();
  }
  threads_.clear();
  log::info("worker.stopped", log::Fields().add("worker", name_).add("stuck", stuck));
  return stuck;
}

platform::emf::Source job_metrics_source(const JobOutcomes& outcomes,
                                         std::function<std::optional<double>()> queue_depth) {
  struct Seen {
    std::uint64_t done = 0, retried = 0, dead = 0, released = 0;
  };
  auto previous = std::make_shared<Seen>();
  return [&outcomes, previous, queue_depth = std::move(queue_depth)]() {
    Seen now{outcomes.done.load(), outcomes.retried.load(), outcomes.dead.load(), outcomes.released.load()};
    auto delta = [](std::uint64_t a, std::uint64_t b) { return static_cast<double>(a - b); };
    using platform::emf::Unit;
    platform::emf::Record r;
    r.metrics = {
        {"JobsSucceeded", Unit::count, delta(now.done, previous->done)},
        {"JobsFailed", Unit::count, delta(now.retried + now.dead, previous->retried + previous->dead)},
        {"JobsDead", Unit::count, delta(now.dead, previous->dead)},
        {"JobsReleased", Unit::count, delta(now.released, previous->released)},
    };
    if (auto depth = queue_depth ? queue_depth() : std::nullopt)
      r.metrics.push_back({"QueueDepth", Unit::count, *depth});
    *previous = now;
    return std::vector<platform::emf::Record>{std::move(r)};
  };
}

}  // namespace cma::jobs
