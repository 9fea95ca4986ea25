// The job queue's pure rules: the state machine and the backoff arithmetic.
#include <gtest/gtest.h>

#include "domain/jobs/job_state.hpp"

namespace cma::domain {

using std::chrono::milliseconds;

TEST(JobBackoff, DoublesFromTheBaseUpToTheCap) {
  BackoffPolicy p{milliseconds(1000), milliseconds(60000)};
  // With no jitter: the lower half of base · 2^(attempts-1).
  EXPECT_EQ(retry_delay(p, 1, 0.0), milliseconds(500));
  EXPECT_EQ(retry_delay(p, 2, 0.0), milliseconds(1000));
  EXPECT_EQ(retry_delay(p, 3, 0.0), milliseconds(2000));
  EXPECT_EQ(retry_delay(p, 6, 0.0), milliseconds(16000));
  EXPECT_EQ(retry_delay(p, 7, 0.0), milliseconds(30000));  // 64 s capped at 60 s
  EXPECT_EQ(retry_delay(p, 1000000, 0.0), milliseconds(30000)) << "no overflow however many attempts";
  // Full jitter reaches the whole delay.
  EXPECT_EQ(retry_delay(p, 1, 0.999999), milliseconds(999));
  EXPECT_EQ(retry_delay(p, 3, 0.5), milliseconds(3000));
  EXPECT_EQ(retry_delay(p, 1000000, 1.0), milliseconds(60000));
}

TEST(JobBackoff, JitterStaysWithinTheUpperHalfAndOutOfRangeJitterIsClamped) {
  BackoffPolicy p{milliseconds(5000), milliseconds(3600000)};
  for (int attempts = 1; attempts < 40; ++attempts) {
    auto low = retry_delay(p, attempts, 0.0), high = retry_delay(p, attempts, 1.0);
    EXPECT_EQ(high, std::min(milliseconds(5000LL << std::min(attempts - 1, 20)), p.cap)) << attempts;
    EXPECT_EQ(low, high - high / 2) << attempts;
    auto mid = retry_delay(p, attempts, 0.37);
    EXPECT_GE(mid, low);
    EXPECT_LE(mid, high);
  }
  EXPECT_EQ(retry_delay(p, 2, -3.0), retry_delay(p, 2, 0.0));
  EXPECT_EQ(retry_delay(p, 2, 7.0), retry_delay(p, 2, 1.0));
  EXPECT_EQ(retry_delay(p, 0, 1.0), milliseconds(5000)) << "attempts below 1 count as the first";
}

TEST(JobState, FailuresRetryUntilTheAttemptsAreUsedUp) {
  EXPECT_EQ(after_failure(1, 3), JobState::queued);
  EXPECT_EQ(after_failure(2, 3), JobState::queued);
  EXPECT_EQ(after_failure(3, 3), JobState::dead);
  EXPECT_EQ(after_failure(4, 3), JobState::dead);
}

TEST(JobState, AdminsRetryFinishedFailuresAndCancelWhatHasNotFinished) {
  for (auto s : {JobState::queued, JobState::running, JobState::done, JobState::dead, JobState::cancelled}) {
    EXPECT_EQ(parse_job_state(to_string(s)), s);
    EXPECT_EQ(may_retry(s), s == JobState::dead || s == JobState::cancelled) << to_string(s);
    EXPECT_EQ(may_cancel(s), s == JobState::queued || s == JobState::running) << to_string(s);
  }
  EXPECT_FALSE(parse_job_state("failed").has_value());
  EXPECT_FALSE(parse_job_state("").has_value());
}

}  // namespace cma::domain
