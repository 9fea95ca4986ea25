#include "domain/jobs/job_state.hpp"

#include <algorithm>

namespace cma::domain {

std::string_view to_string(JobState s) {
  switch (s) {
    case JobState::queued:
      return "queued";
    case JobState::running:
      return "running";
    case JobState::done:
      return "done";
    case JobState::dead:
      return "dead";
    case JobState::cancelled:
      return "cancelled";
  }
  return "queued";
}

std::optional<JobState> parse_job_state(std::string_view s) {
  for (auto state : {JobState::queued, JobState::running, JobState::done, JobState::dead, JobState::cancelled})
    if (to_string(state) == s) return state;
  return std::nullopt;
}

bool may_retry(JobState s) {
  return s == JobState::dead || s == JobState::cancelled;
}

bool may_cancel(JobState s) {
  return s == JobState::queued || s == JobState::running;
}

JobState after_failure(int attempts, int max_attempts) {
  return attempts >= max_attempts ? JobState::dead : JobState::queued;
}

std::chrono::milliseconds retry_delay(const BackoffPolicy& policy, int attempts, double jitter) {
  using std::chrono::milliseconds;
  const long long cap = std::max<long long>(policy.cap.count(), policy.base.count());
  long long delay = std::max<long long>(policy.base.count(), 0);
  // Doubling stops at the cap, so a large attempt count cannot overflow.
  for (int i = 1; i < attempts && delay < cap; ++i) delay *= 2;
  delay = std::min(delay, cap);
  jitter = std::clamp(jitter, 0.0, 1.0);
  const long long half = delay / 2;
  return milliseconds(delay - half + static_cast<long long>(static_cast<double>(half) * jitter));
}

}  // namespace cma::domain
