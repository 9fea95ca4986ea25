#include "app/limits/rate_limiter.hpp"

#include <algorithm>

namespace cma::app {

using std::chrono::milliseconds;

std::string rate_key(const RateLimit& limit, std::string_view subject) {
  std::string key = limit.name;
  key += ':';
  key += subject;
  return key;
}

RateDecision check_rate(RateLimiter& limiter, const RateLimit& limit, std::string_view subject) {
  if (limit.limit <= 0) return RateDecision{};
  return limiter.hit(rate_key(limit, subject), limit.limit, std::chrono::duration_cast<milliseconds>(limit.window));
}

RateDecision decide(long long count, int limit, milliseconds left) {
  RateDecision d;
  d.limit = limit;
  d.allowed = count <= limit;
  d.remaining = static_cast<int>(std::clamp<long long>(limit - count, 0, limit));
  // Rounded up: a client that waits `reset` seconds finds a new window.
  auto ms = std::max<long long>(left.count(), 0);
  d.reset = std::chrono::seconds((ms + 999) / 1000);
  if (!d.allowed && d.reset.count() < 1) d.reset = std::chrono::seconds(1);
  return d;
}

InProcessRateLimiter::InProcessRateLimiter(std::size_t max_keys, Clock clock)
    : max_per_shard_(std::max<std::size_t>(1, max_keys / kShards)), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::steady_clock::now(); };
}

void InProcessRateLimiter::make_room(Shard& shard, std::chrono::steady_clock::time_point now) {
  std::erase_if(shard.windows, [now](const auto& kv) { return kv.second.ends <= now; });
  if (shard.windows.size() < max_per_shard_) return;
  auto soonest = std::min_element(shard.windows.begin(), shard.windows.end(),
                                  [](const auto& a, const auto& b) { return a.second.ends < b.second.ends; });
  shard.windows.erase(soonest);
}

RateDecision InProcessRateLimiter::hit(std::string_view key, int limit, milliseconds window) {
  const auto now = clock_();
  auto& shard = shards_[std::hash<std::string_view>{}(key) % kShards];
  std::lock_guard lock(shard.mutex);
  auto it = shard.windows.find(std::string(key));
  if (it == shard.windows.end() || it->second.ends <= now) {
    if (it == shard.windows.end() && shard.windows.size() >= max_per_shard_) make_room(shard, now);
    auto& w = shard.windows[std::string(key)];
    w.count = 0;
    w.ends = now + window;
    it = shard.windows.find(std::string(key));
  }
  ++it->second.count;
  return decide(it->second.count, limit, std::chrono::duration_cast<milliseconds>(it->second.ends - now));
}

std::size_t InProcessRateLimiter::size() const {
  std::size_t n = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s.mutex);
    n += s.windows.size();
  }
  return n;
}

}  // namespace cma::app
