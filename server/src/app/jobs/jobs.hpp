#pragma once
// The durable job queue (docs/jobs.md). A use case enqueues follow-up work in its own transaction
// (enqueue_job), so the job exists exactly when the change does. Workers claim due jobs under a
// lease they extend while running; a job whose lease runs out is claimed again (at-least-once, so
// handlers are idempotent). Failures retry with exponential backoff and jitter, then the job is
// dead. Admins list jobs and retry or cancel one; both are audited.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/jobs/records.hpp"
#include "domain/jobs/job_state.hpp"
#include "domain/result.hpp"

namespace cma::app {

// Adds a job inside the caller's open write transaction; nullopt when one with the same unique key
// exists already. A draft that is not well-formed (no kind, payload not a JSON object) is a bug in
// the caller: std::invalid_argument.
std::optional<Job> enqueue_job(const Deps& deps, Transaction& tx, const JobDraft& draft);
// Once `tx` commits, tells the workers a job is due (deps.job_notifier; nothing without one).
void notify_workers(const Deps& deps, Transaction& tx);

// The worker's side. Each runs its own short write transaction.
std::vector<Job> claim_jobs(const Deps& deps, const std::string& owner, std::chrono::milliseconds lease, int limit);
bool extend_job_lease(const Deps& deps, const Job& job, const std::string& owner, std::chrono::milliseconds lease);
bool complete_job(const Deps& deps, const Job& job, const std::string& owner);
// The same, and the runner's next job claimed (up to one) in the same transaction: one commit a job
// instead of two while there is work waiting. `held` as complete_job's answer.
struct CompletedAndNext {
  bool held = false;
  std::optional<Job> next;
};
CompletedAndNext complete_job_and_claim(const Deps& deps, const Job& job, const std::string& owner,
                                        std::chrono::milliseconds lease);
// Queued again after `delay`, or dead when the job has used its attempts (or `permanent`). The
// state it was left in, or nullopt when the owner no longer held the lease.
std::optional<domain::JobState> fail_job(const Deps& deps, const Job& job, const std::string& owner,
                                         const std::string& error, std::chrono::milliseconds delay, bool permanent);
bool release_job(const Deps& deps, const Job& job, const std::string& owner);
JobCounts count_jobs(const Deps& deps);

// Admins only (jobs_manage).
Result<Page<Job>> list_jobs(const Deps& deps, const Actor& actor, const JobQuery& query, const PageRequest& page);
Result<Job> get_job(const Deps& deps, const Actor& actor, const std::string& id);
// A dead or cancelled job, queued again now with its attempts reset.
Result<Job> retry_job(const Deps& deps, const Actor& actor, const std::string& id);
// A queued or running job; a running one's worker loses its lease and its result is discarded.
Result<Job> cancel_job(const Deps& deps, const Actor& actor, const std::string& id);

inline constexpr const char* kNoSuchJob = "No such job.";
inline constexpr int kMaxJobErrorLength = 2000;

}  // namespace cma::app
