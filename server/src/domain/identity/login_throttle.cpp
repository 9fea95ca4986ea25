#include "domain/identity/login_throttle.hpp"

#include <algorithm>

namespace cma::domain {

namespace {

using std::chrono::seconds;

bool window_open(const ThrottleCounter& c, seconds window, Instant now) {
  return c.window_start != Instant{} && now < c.window_start + window;
}

int failures_in_window(const ThrottleCounter& c, seconds window, Instant now) {
  return window_open(c, window, now) ? c.failures : 0;
}

int seconds_until(Instant then, Instant now) {
  auto s = std::chrono::ceil<seconds>(then - now).count();
  return static_cast<int>(std::max<std::int64_t>(1, s));
}

ThrottleCounter add_failure(ThrottleCounter c, seconds window, Instant now) {
  if (!window_open(c, window, now)) {
    c.window_start = now;
    c.failures = 0;
  }
  ++c.failures;
  return c;
}

ThrottleCounter take_back_failure(ThrottleCounter c, seconds window, Instant now) {
  if (window_open(c, window, now) && c.failures > 0) --c.failures;
  return c;
}

}  // namespace

seconds account_delay(const DelayRule& rule, int failures) {
  int over = failures - rule.threshold;
  if (over <= 0) return seconds(0);
  // Doubling overflows long before it matters: stop at the cap.
  seconds delay = rule.first_delay;
  for (int i = 1; i < over && delay < rule.max_delay; ++i) delay *= 2;
  return std::min(delay, rule.max_delay);
}

ThrottleDecision check_attempt(const LoginThrottlePolicy& policy, const ThrottleCounters& c, Instant now) {
  int retry = 0;
  auto limit = [&](const ThrottleCounter& counter, const LimitRule& rule) {
    if (failures_in_window(counter, rule.window, now) >= rule.limit)
      retry = std::max(retry, seconds_until(counter.window_start + rule.window, now));
  };
  limit(c.account_at_address, policy.account_at_address);
  limit(c.address, policy.address);
  if (c.account.next_allowed_at != Instant{} && now < c.account.next_allowed_at)
    retry = std::max(retry, seconds_until(c.account.next_allowed_at, now));
  if (retry > 0) return {false, retry};
  return {true, 0};
}

ThrottleCounters count_attempt(const LoginThrottlePolicy& policy, ThrottleCounters c, Instant now) {
  c.account_at_address = add_failure(c.account_at_address, policy.account_at_address.window, now);
  c.address = add_failure(c.address, policy.address.window, now);
  c.account = add_failure(c.account, policy.account.window, now);
  auto delay = account_delay(policy.account, c.account.failures);
  c.account.next_allowed_at = delay.count() > 0 ? now + delay : Instant{};
  return c;
}

ThrottleCounters forgive_attempt(const LoginThrottlePolicy& policy, ThrottleCounters c, Instant now) {
  c.account_at_address = ThrottleCounter{};
  c.address = take_back_failure(c.address, policy.address.window, now);
  c.account = take_back_failure(c.account, policy.account.window, now);
  c.account.next_allowed_at = Instant{};
  return c;
}

}  // namespace cma::domain
