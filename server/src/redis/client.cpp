#include "redis/client.hpp"

#include "platform/log.hpp"
#include "platform/xray.hpp"

namespace cma::redis {

namespace log = platform::log;
using namespace std::chrono_literals;

Client::Client(platform::RedisSettings settings, std::size_t max_idle)
    : settings_(std::move(settings)), max_idle_(max_idle) {}

std::unique_ptr<Connection> Client::take() {
  {
    std::lock_guard lock(mutex_);
    if (down_.load() && std::chrono::steady_clock::now() < retry_at_) return nullptr;
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
    // One caller at a time tries to reconnect during an outage; the rest go on without Redis.
    if (down_.load()) retry_at_ = std::chrono::steady_clock::now() + std::max(backoff_, 100ms);
  }
  return std::make_unique<Connection>(settings_);
}

void Client::give_back(std::unique_ptr<Connection> c) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(c));
}

void Client::failed(const std::string& why) {
  std::lock_guard lock(mutex_);
  idle_.clear();  // they were to the same server; a restarted one has forgotten them
  backoff_ = backoff_ == 0ms ? 100ms : std::min<std::chrono::milliseconds>(backoff_ * 2, 5000ms);
  retry_at_ = std::chrono::steady_clock::now() + backoff_;
  if (!down_.exchange(true))
    log::error("redis.unavailable", log::Fields()
                                        .add("redis", settings_.describe())
                                        .add("error", why)
                                        .add("effect", "rate limits are counted in this process until it returns"));
}

void Client::succeeded() {
  if (!down_.load()) return;
  std::lock_guard lock(mutex_);
  backoff_ = 0ms;
  if (down_.exchange(false)) log::info("redis.restored", log::Fields().add("redis", settings_.describe()));
}

std::optional<Reply> Client::command(const std::vector<std::string>& args) {
  platform::xray::Span span("Redis", "remote");  // in the request's trace, when it is traced
  try {
    auto c = take();
    if (!c) {  // skipped while Redis is known to be down
      span.set_fault();
      return std::nullopt;
    }
    try {
      auto r = c->command(args);
      give_back(std::move(c));
      succeeded();
      return r;
    } catch (const Unavailable&) {
      // A reused connection may have been closed by a server restarted since: one fresh attempt
      // before calling it an outage.
      {
        std::lock_guard lock(mutex_);
        idle_.clear();
      }
      c = std::make_unique<Connection>(settings_);
      auto r = c->command(args);
      give_back(std::move(c));
      succeeded();
      return r;
    }
  } catch (const std::exception& e) {
    span.set_fault();
    failed(e.what());
    return std::nullopt;
  }
}

}  // namespace cma::redis
