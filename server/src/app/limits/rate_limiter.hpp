#pragma once
// Rate limits (docs/redis.md): fixed-window counters keyed by name, e.g. api:user:<id>. The port has
// two adapters: InProcessRateLimiter here (one process's memory) and redis::RedisRateLimiter (shared by
// every API process through REDIS_URL, falling back to an in-process counter while Redis is away).
#include <array>
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cma::app {

// One named limit: at most `limit` hits per `window` for each subject (a user id, an address).
struct RateLimit {
  std::string name;  // the key prefix: api:user, upload:user, login:account, login:ip
  int limit = 0;
  std::chrono::seconds window{60};
};

// What one hit found. `reset` is how long until the window ends (at least 1 s when not allowed).
struct RateDecision {
  bool allowed = true;
  int limit = 0;
  int remaining = 0;
  std::chrono::seconds reset{0};
};

class RateLimiter {
 public:
  virtual ~RateLimiter() = default;
  // Counts one hit on `key` and says whether it is within `limit` for the current window of `window`.
  // Never throws and never blocks for long: an adapter that cannot reach its store decides locally.
  virtual RateDecision hit(std::string_view key, int limit, std::chrono::milliseconds window) = 0;
};

// The limits the API applies, from RATE_LIMIT_* (docs/redis.md). A limit of 0 is off.
struct RateLimits {
  RateLimit api_per_user{"api:user", 600, std::chrono::seconds(60)};
  RateLimit upload_per_user{"upload:user", 120, std::chrono::seconds(3600)};
};

// The key of `subject` under `limit`, e.g. api:user:0190…
std::string rate_key(const RateLimit& limit, std::string_view subject);

// Counts one hit of `subject` against `limit`; a limit of 0 (off) always allows and counts nothing.
RateDecision check_rate(RateLimiter& limiter, const RateLimit& limit, std::string_view subject);

// The decision from a counter value after the hit and the time left in its window.
RateDecision decide(long long count, int limit, std::chrono::milliseconds left);

// Counters in this process's memory: sharded by key so concurrent requests rarely share a lock,
// bounded (expired windows are dropped; when a shard is full the window ending soonest goes).
class InProcessRateLimiter final : public RateLimiter {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  explicit InProcessRateLimiter(std::size_t max_keys = 100'000, Clock clock = {});
  RateDecision hit(std::string_view key, int limit, std::chrono::milliseconds window) override;
  std::size_t size() const;

 private:
  struct Window {
    long long count = 0;
    std::chrono::steady_clock::time_point ends;
  };
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, Window> windows;
  };
  static constexpr std::size_t kShards = 16;
  void make_room(Shard& shard, std::chrono::steady_clock::time_point now);

  std::size_t max_per_shard_;
  Clock clock_;
  std::array<Shard, kShards> shards_;
};

}  // namespace cma::app
