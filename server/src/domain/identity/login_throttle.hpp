#pragma once
// Sign-in throttling (OWASP Authentication Cheat Sheet), as pure rules over three counters:
// - the account at one address: a strict limit, so guessing from one place stops quickly while a
//   colleague behind the same office address is not affected;
// - the account from anywhere: past a threshold every further attempt must wait a growing delay, so
//   guessing spread over many addresses is slowed without locking the owner out for long;
// - one address across accounts: a high limit against password spraying.
// An attempt is counted before its password is checked, so concurrent attempts cannot get past a limit.
#include <chrono>

namespace cma::domain {

using Instant = std::chrono::time_point<std::chrono::system_clock, std::chrono::microseconds>;

struct ThrottleCounter {
  int failures = 0;           // within the window that started at window_start
  Instant window_start{};     // zero: no window open
  Instant next_allowed_at{};  // zero: no delay pending
};

struct LimitRule {
  int limit = 5;
  std::chrono::seconds window{15 * 60};
};

struct DelayRule {
  int threshold = 10;  // failures in the window before delays begin
  std::chrono::seconds window{60 * 60};
  std::chrono::seconds first_delay{1};  // doubled for every further failure
  std::chrono::seconds max_delay{60};
};

struct LoginThrottlePolicy {
  LimitRule account_at_address{5, std::chrono::minutes(15)};
  DelayRule account{10, std::chrono::hours(1), std::chrono::seconds(1), std::chrono::seconds(60)};
  LimitRule address{100, std::chrono::minutes(15)};
};

struct ThrottleCounters {
  ThrottleCounter account_at_address, account, address;
};

struct ThrottleDecision {
  bool allowed = true;
  int retry_after_seconds = 0;  // when refused: at least 1
};

// May an attempt go ahead now, given the counters as they stand?
ThrottleDecision check_attempt(const LoginThrottlePolicy& policy, const ThrottleCounters& counters, Instant now);

// The counters after one more attempt is counted as failed (windows that ended start again).
ThrottleCounters count_attempt(const LoginThrottlePolicy& policy, ThrottleCounters counters, Instant now);

// The counters after a counted attempt turned out to be the right password: the account-at-address
// counter starts again, the others give back the one attempt, and a pending account delay ends.
ThrottleCounters forgive_attempt(const LoginThrottlePolicy& policy, ThrottleCounters counters, Instant now);

// The delay after `failures` failures in the account window (zero up to the threshold).
std::chrono::seconds account_delay(const DelayRule& rule, int failures);

}  // namespace cma::domain
