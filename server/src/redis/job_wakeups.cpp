#include "redis/job_wakeups.hpp"

#include <algorithm>
#include <thread>

#include "platform/log.hpp"

namespace cma::redis {

namespace log = platform::log;
using std::chrono::milliseconds;

void RedisJobNotifier::job_queued() {
  (void)client_.command({"PUBLISH", kJobsChannel, "queued"});
}

RedisJobWakeups::RedisJobWakeups(platform::RedisSettings settings) : settings_(std::move(settings)) {}

RedisJobWakeups::~RedisJobWakeups() = default;

void RedisJobWakeups::lost(const std::string& why) {
  conn_.reset();
  backoff_ = backoff_ == milliseconds(0) ? milliseconds(100) : std::min(backoff_ * 2, milliseconds(5000));
  retry_at_ = std::chrono::steady_clock::now() + backoff_;
  if (!down_) {
    down_ = true;
    log::warn("jobs.wakeups_unavailable", log::Fields()
                                              .add("redis", settings_.describe())
                                              .add("error", why)
                                              .add("effect", "idle workers poll until Redis returns"));
  }
}

bool RedisJobWakeups::wait(milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  if (!conn_) {
    auto now = std::chrono::steady_clock::now();
    if (now < retry_at_) {
      std::this_thread::sleep_for(std::min(timeout, std::chrono::duration_cast<milliseconds>(retry_at_ - now)));
      return false;
    }
    try {
      conn_ = std::make_unique<Connection>(settings_);
      conn_->send({"SUBSCRIBE", kJobsChannel});
    } catch (const std::exception& e) {
      lost(e.what());
      return false;
    }
  }
  try {
    for (;;) {
      auto left = std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left <= milliseconds(0)) return false;
      auto reply = conn_->receive(left);
      if (!reply) return false;
      if (reply->type != Reply::Type::array || reply->elements.empty()) continue;
      const auto& kind = reply->elements[0].text;
      if (kind == "subscribe") {
        backoff_ = milliseconds(0);
        if (down_) {
          down_ = false;
          log::info("jobs.wakeups_restored", log::Fields().add("redis", settings_.describe()));
        }
        return true;  // anything queued before the subscription was not announced: look now
      }
      if (kind == "message") return true;
    }
  } catch (const std::exception& e) {
    lost(e.what());
    return false;
  }
}

}  // namespace cma::redis
