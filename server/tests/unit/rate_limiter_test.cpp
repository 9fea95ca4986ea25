#include "app/limits/rate_limiter.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;
using cma::app::InProcessRateLimiter;

struct FakeTime {
  std::chrono::steady_clock::time_point now = std::chrono::steady_clock::time_point{} + 1000h;
  InProcessRateLimiter::Clock clock() {
    return [this] { return now; };
  }
};

TEST(InProcessRateLimiter, AllowsUpToTheLimitThenRefusesUntilTheWindowEnds) {
  FakeTime t;
  InProcessRateLimiter limiter(1000, t.clock());
  for (int i = 1; i <= 3; ++i) {
    auto d = limiter.hit("api:user:u1", 3, 60s);
    EXPECT_TRUE(d.allowed) << i;
    EXPECT_EQ(d.limit, 3);
    EXPECT_EQ(d.remaining, 3 - i);
    EXPECT_EQ(d.reset, 60s);
  }
  t.now += 20s;
  auto refused = limiter.hit("api:user:u1", 3, 60s);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.remaining, 0);
  EXPECT_EQ(refused.reset, 40s);
  // Another key has its own window.
  EXPECT_TRUE(limiter.hit("api:user:u2", 3, 60s).allowed);
  t.now += 40s;
  auto fresh = limiter.hit("api:user:u1", 3, 60s);
  EXPECT_TRUE(fresh.allowed);
  EXPECT_EQ(fresh.remaining, 2);
  EXPECT_EQ(fresh.reset, 60s);
}

TEST(InProcessRateLimiter, ResetRoundsUpAndIsAtLeastOneSecondWhenRefused) {
  FakeTime t;
  InProcessRateLimiter limiter(1000, t.clock());
  limiter.hit("k", 1, 1500ms);
  t.now += 1400ms;
  auto d = limiter.hit("k", 1, 1500ms);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reset, 1s);
  auto early = cma::app::decide(5, 1, 0ms);
  EXPECT_FALSE(early.allowed);
  EXPECT_EQ(early.reset, 1s);
}

TEST(InProcessRateLimiter, MemoryStaysBoundedWhateverTheNumberOfKeys) {
  FakeTime t;
  InProcessRateLimiter limiter(160, t.clock());
  for (int i = 0; i < 10'000; ++i) limiter.hit("upload:user:" + std::to_string(i), 5, 3600s);
  EXPECT_LE(limiter.size(), 160u);
  // Expired windows go first when a shard fills.
  t.now += 3601s;
  for (int i = 0; i < 100; ++i) limiter.hit("api:user:" + std::to_string(i), 5, 60s);
  EXPECT_LE(limiter.size(), 160u);
}

TEST(InProcessRateLimiter, ConcurrentHitsNeverAllowMoreThanTheLimit) {
  InProcessRateLimiter limiter;
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i)
        if (limiter.hit("api:user:shared", 1000, 60s).allowed) ++allowed;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(allowed.load(), 1000);
}

TEST(RateLimits, KeysAreNamedAndZeroTurnsALimitOff) {
  cma::app::RateLimits limits;
  EXPECT_EQ(cma::app::rate_key(limits.api_per_user, "abc"), "api:user:abc");
  EXPECT_EQ(cma::app::rate_key(limits.upload_per_user, "abc"), "upload:user:abc");
  InProcessRateLimiter limiter(1000);
  cma::app::RateLimit off{"api:user", 0, 60s};
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(cma::app::check_rate(limiter, off, "u").allowed);
  EXPECT_EQ(limiter.size(), 0u);
  cma::app::RateLimit one{"upload:user", 1, 3600s};
  EXPECT_TRUE(cma::app::check_rate(limiter, one, "u").allowed);
  EXPECT_FALSE(cma::app::check_rate(limiter, one, "u").allowed);
}

}  // namespace
