#pragma once
// A job's life: queued → running → done; a failed attempt goes back to queued with a later run_at
// (exponential backoff with jitter) until its attempts are used up, then it is dead. An admin may
// cancel a queued or running job and retry a dead or cancelled one.
#include <chrono>
#include <optional>
#include <string_view>

namespace cma::domain {

enum class JobState { queued, running, done, dead, cancelled };

std::string_view to_string(JobState s);
std::optional<JobState> parse_job_state(std::string_view s);

bool may_retry(JobState s);
bool may_cancel(JobState s);

// Where a failed attempt leaves the job: queued again while attempts remain, else dead.
JobState after_failure(int attempts, int max_attempts);

struct BackoffPolicy {
  std::chrono::milliseconds base{std::chrono::seconds(5)};
  std::chrono::milliseconds cap{std::chrono::hours(1)};
};

// The wait before the next attempt, after `attempts` (≥ 1) have failed: base · 2^(attempts-1),
// capped, of which the upper half is scaled by `jitter` (0 ≤ jitter < 1), so retries of jobs that
// failed together spread out instead of arriving together ("equal jitter").
std::chrono::milliseconds retry_delay(const BackoffPolicy& policy, int attempts, double jitter);

}  // namespace cma::domain
