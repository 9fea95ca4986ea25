#pragma once
// The rate-limit port over Redis: one fixed-window counter per key, shared by every process using the
// same Redis. Each hit is one atomic script (INCR, and PEXPIRE when the window starts). While Redis
// is unavailable the hit is counted in this process instead: the limit fails open to a per-process one.
#include <string>

#include "app/limits/rate_limiter.hpp"
#include "redis/client.hpp"

namespace cma::redis {

class RedisRateLimiter final : public app::RateLimiter {
 public:
  // `prefix` goes before every key (several deployments may share one Redis).
  explicit RedisRateLimiter(Client& client, std::string prefix = "cma:rl:");
  app::RateDecision hit(std::string_view key, int limit, std::chrono::milliseconds window) override;

 private:
  Client& client_;
  std::string prefix_;
  std::string sha_;
  app::InProcessRateLimiter fallback_;
};

// The Lua script the limiter runs, and its SHA-1 (for EVALSHA).
const std::string& rate_limit_script();
std::string sha1_hex(const std::string& text);

}  // namespace cma::redis
