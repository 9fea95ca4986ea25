#pragma once
// Worker wake-ups over Redis (REDIS_URL): whoever queues a job PUBLISHes on one channel once its
// transaction commits, and every idle worker, SUBSCRIBEd to it, claims at once instead of at its next
// poll. Redis only hastens: the job is in the database either way, and a worker that loses Redis
// logs it once and goes on polling (and, on PostgreSQL, listening) until Redis is back.
#include <chrono>
#include <memory>
#include <string>

#include "app/jobs/ports.hpp"
#include "platform/config.hpp"
#include "redis/client.hpp"
#include "redis/connection.hpp"

namespace cma::redis {

// The channel, with the same prefix as the rate-limit keys.
inline constexpr const char* kJobsChannel = "cma:jobs";

// PUBLISH on the jobs channel through the shared client (which skips Redis at once while it is down).
class RedisJobNotifier final : public app::JobNotifier {
 public:
  explicit RedisJobNotifier(Client& client) : client_(client) {}
  void job_queued() override;

 private:
  Client& client_;
};

// One subscribed connection of its own. wait() answers true for a message, and when a subscription
// has just begun (what was queued before it was not announced); false after the timeout, or while
// Redis is away (reconnecting with backoff from 100 ms to 5 s, logged once per outage).
class RedisJobWakeups final : public app::JobWakeups {
 public:
  explicit RedisJobWakeups(platform::RedisSettings settings);
  ~RedisJobWakeups() override;
  bool wait(std::chrono::milliseconds timeout) override;

 private:
  void lost(const std::string& why);

  platform::RedisSettings settings_;
  std::unique_ptr<Connection> conn_;
  bool down_ = false;
  std::chrono::steady_clock::time_point retry_at_{};
  std::chrono::milliseconds backoff_{0};
};

}  // namespace cma::redis
