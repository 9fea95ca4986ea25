#pragma once
// The shared Redis client: a few reused connections, and an outage state. While Redis is away, calls
// return at once (no reply) until the next reconnect attempt is due, with backoff from 100 ms up to 5 s;
// an outage is logged once when it begins (redis.unavailable) and once when it ends (redis.restored).
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "platform/config.hpp"
#include "redis/connection.hpp"

namespace cma::redis {

class Client {
 public:
  explicit Client(platform::RedisSettings settings, std::size_t max_idle = 8);
  // The reply, or none when Redis is unavailable (then the caller decides without it). An error
  // reply is a reply. Never throws; blocks at most about twice the settings' timeout.
  std::optional<Reply> command(const std::vector<std::string>& args);
  // True once a command has failed and no later one has succeeded.
  bool down() const { return down_.load(); }
  const platform::RedisSettings& settings() const { return settings_; }

 private:
  std::unique_ptr<Connection> take();
  void give_back(std::unique_ptr<Connection> c);
  void failed(const std::string& why);
  void succeeded();

  platform::RedisSettings settings_;
  std::size_t max_idle_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::atomic<bool> down_{false};
  std::chrono::steady_clock::time_point retry_at_{};
  std::chrono::milliseconds backoff_{0};
};

}  // namespace cma::redis
