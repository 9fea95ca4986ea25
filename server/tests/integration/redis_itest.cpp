// Rate limits with and without Redis (docs/redis.md): the RateLimit-* headers, 429 with Retry-After,
// one user's limit shared by two API instances through a real redis-server, concurrent hits never
// passing the limit, and the API serving on (and saying so in its log) when Redis is killed.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <thread>
#include <vector>

#include "redis/client.hpp"
#include "redis/rate_limiter.hpp"
#include "support/backend.hpp"
#include "support/process.hpp"
#include "support/redis_server.hpp"
#include "support/test_app.hpp"

namespace cma::testing::redis_itest {
namespace {

using namespace std::chrono_literals;

app::RateLimits api_limit(int per_minute) {
  app::RateLimits l;
  l.api_per_user.limit = per_minute;
  return l;
}

int header_int(const HttpResult& r, const char* name) {
  auto v = r.header(name);
  EXPECT_FALSE(v.empty()) << name << " missing; status " << r.status;
  return v.empty() ? -1 : std::stoi(v);
}

TEST(RateLimits, InProcessHeadersCountDownThen429WithRetryAfter) {
  app::InProcessRateLimiter limiter;
  TestAppOptions o;
  o.limiter = &limiter;
  o.limits = api_limit(3);
  TestApp app(o);
  auto token = app.login(app.advisor_a);
  for (int i = 1; i <= 3; ++i) {
    auto r = app.get("/api/v1/me", token);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(header_int(r, "ratelimit-limit"), 3);
    EXPECT_EQ(header_int(r, "ratelimit-remaining"), 3 - i);
    int reset = header_int(r, "ratelimit-reset");
    EXPECT_GE(reset, 1);
    EXPECT_LE(reset, 60);
  }
  auto refused = app.get("/api/v1/me", token);
  ASSERT_EQ(refused.status, 429) << refused.body;
  EXPECT_EQ(refused.header("content-type"), "application/problem+json");
  EXPECT_EQ(refused.str("type"), "/problems/rate-limited");
  EXPECT_EQ(header_int(refused, "ratelimit-remaining"), 0);
  int retry = header_int(refused, "retry-after");
  EXPECT_GE(retry, 1);
  EXPECT_LE(retry, 60);
  EXPECT_EQ(retry, header_int(refused, "ratelimit-reset"));
  // The limit is per user: another account is not affected, and public routes carry no counter.
  auto other = app.get("/api/v1/me", app.login(app.manager_a));
  EXPECT_EQ(other.status, 200);
  EXPECT_EQ(header_int(other, "ratelimit-remaining"), 2);
  auto health = app.get("/health", "");
  EXPECT_EQ(health.status, 200);
  EXPECT_TRUE(health.header("ratelimit-limit").empty());
}

TEST(RateLimits, InProcessConcurrentCallsNeverPassTheLimit) {
  app::InProcessRateLimiter limiter;
  TestAppOptions o;
  o.limiter = &limiter;
  o.limits = api_limit(25);
  TestApp app(o);
  auto token = app.login(app.advisor_a);
  std::atomic<int> ok{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 8; ++i) {
        auto r = app.get("/api/v1/me", token);
        (r.status == 200 ? ok : r.status == 429 ? refused : other)++;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 25);
  EXPECT_EQ(refused.load(), 64 - 25);
  EXPECT_EQ(other.load(), 0);
}

TEST(RateLimitsRedis, TwoApiInstancesShareOneUsersLimit) {
  RedisServer redis;
  redis::Client client_a(redis.settings()), client_b(redis.settings());
  redis::RedisRateLimiter limiter_a(client_a), limiter_b(client_b);
  TestAppOptions oa;
  oa.limiter = &limiter_a;
  oa.limits = api_limit(10);
  TestApp a(oa);
  TestAppOptions ob = oa;
  ob.limiter = &limiter_b;
  ob.same_database_as = &a;
  TestApp b(ob);
  auto token = a.login(a.advisor_a);
  for (int i = 1; i <= 10; ++i) {
    auto& app = i % 2 == 0 ? a : b;
    auto r = app.get("/api/v1/me", token);
    ASSERT_EQ(r.status, 200) << i << ": " << r.body;
    EXPECT_EQ(header_int(r, "ratelimit-limit"), 10);
    EXPECT_EQ(header_int(r, "ratelimit-remaining"), 10 - i) << "counted across both instances";
  }
  auto ra = a.get("/api/v1/me", token);
  auto rb = b.get("/api/v1/me", token);
  EXPECT_EQ(ra.status, 429);
  EXPECT_EQ(rb.status, 429);
  EXPECT_GE(header_int(rb, "retry-after"), 1);
  EXPECT_LE(header_int(rb, "retry-after"), 60);
  // The counter lives in Redis, under the named key, and expires with its window.
  redis::Client probe(redis.settings());
  auto me = a.get("/api/v1/me", a.login(a.manager_a));
  ASSERT_EQ(me.status, 200);
  auto ttl = probe.command({"PTTL", "cma:rl:api:user:" + a.advisor_a.id});
  ASSERT_TRUE(ttl);
  EXPECT_GT(ttl->integer, 0);
  EXPECT_LE(ttl->integer, 60000);
  EXPECT_FALSE(client_a.down());
  EXPECT_FALSE(client_b.down());
}

TEST(RateLimitsRedis, ConcurrentCallsOnTwoInstancesNeverPassTheLimit) {
  RedisServer redis;
  redis::Client client_a(redis.settings()), client_b(redis.settings());
  redis::RedisRateLimiter limiter_a(client_a), limiter_b(client_b);
  TestAppOptions oa;
  oa.limiter = &limiter_a;
  oa.limits = api_limit(30);
  TestApp a(oa);
  TestAppOptions ob = oa;
  ob.limiter = &limiter_b;
  ob.same_database_as = &a;
  TestApp b(ob);
  auto token = a.login(a.advisor_a);
  std::atomic<int> ok{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      auto& app = t % 2 == 0 ? a : b;
      for (int i = 0; i < 10; ++i) {
        auto r = app.get("/api/v1/me", token);
        (r.status == 200 ? ok : r.status == 429 ? refused : other)++;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 30);
  EXPECT_EQ(refused.load(), 80 - 30);
  EXPECT_EQ(other.load(), 0);
  EXPECT_FALSE(client_a.down());
}

TEST(RateLimitsRedis, NoScriptAfterARestartOfItsCacheIsHandled) {
  RedisServer redis;
  redis::Client client(redis.settings());
  redis::RedisRateLimiter limiter(client);
  EXPECT_EQ(limiter.hit("api:user:x", 5, 60s).remaining, 4);
  ASSERT_TRUE(client.command({"SCRIPT", "FLUSH"}));
  auto d = limiter.hit("api:user:x", 5, 60s);
  EXPECT_EQ(d.remaining, 3);
  EXPECT_FALSE(client.down());
}

// Two `cma serve` processes on one database and one Redis; then Redis is killed.
TEST(RateLimitsRedis, KilledRedisLeavesTheApiServingAndTheLogSaysSo) {
  RedisServer redis;
  TestApp seeded;  // the database, its accounts, and the JWT secret both processes share
  const std::string secret(48, 'k');
  std::vector<Child> procs;
  std::vector<int> ports;
  for (int i = 0; i < 2; ++i) {
    auto dir = temp_dir();
    procs.push_back(spawn_cma(
        {"serve"},
        {"DATABASE_URL=" + seeded.database_url(), "PORT=0", "DATA_DIR=" + dir, "JWT_SECRET=" + secret,
         "REDIS_URL=" + redis.url(), "RATE_LIMIT_API_PER_MINUTE=1000", "DRAIN_SECONDS=1", "WORKER_CONCURRENCY=1"}));
    int port = wait_for_port(procs.back());
    ASSERT_GT(port, 0) << slurp(procs.back().log);
    ports.push_back(port);
  }
  auto stop_all = [&] {
    for (auto& c : procs) {
      ::kill(c.pid, SIGTERM);
      wait_exit(c.pid, 15);
    }
  };
  auto token = seeded.login(seeded.advisor_a);
  auto call = [&](int which) {
    return http_request(ports[which], "GET", "/api/v1/me", "", {{"Authorization", "Bearer " + token}});
  };
  for (int i = 1; i <= 4; ++i) {
    auto r = call(i % 2);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(header_int(r, "ratelimit-remaining"), 1000 - i) << "one counter in Redis for both processes";
  }
  for (const auto& c : procs) {
    auto log = slurp(c.log);
    EXPECT_NE(log.find("\"event\":\"rate_limits.ready\""), std::string::npos) << log;
    EXPECT_NE(log.find("\"redis_answers\":true"), std::string::npos) << log;
  }

  redis.kill();
  for (int i = 0; i < 20; ++i) {
    auto started = std::chrono::steady_clock::now();
    auto r = call(i % 2);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_FALSE(r.header("ratelimit-limit").empty());
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s) << "a request waited on the missing Redis";
  }
  stop_all();
  for (const auto& c : procs) {
    auto log = slurp(c.log);
    auto first = log.find("\"event\":\"redis.unavailable\"");
    EXPECT_NE(first, std::string::npos) << log;
    // Once per outage, not once per request.
    EXPECT_EQ(log.find("\"event\":\"redis.unavailable\"", first + 1), std::string::npos) << log;
    EXPECT_NE(log.find("rate limits are counted in this process"), std::string::npos);
    EXPECT_EQ(log.find(seeded.advisor_a.email), std::string::npos) << "no personal data in the log";
  }
}

TEST(RateLimitsRedis, AnUnreachableRedisAtStartDoesNotStopTheApi) {
  TestApp seeded;
  auto dir = temp_dir();
  // Nothing listens on port 1 of the loopback: connecting is refused at once.
  auto c = spawn_cma({"serve"}, {"DATABASE_URL=" + seeded.database_url(), "PORT=0", "DATA_DIR=" + dir,
                                 "JWT_SECRET=" + std::string(48, 'k'), "REDIS_URL=redis://127.0.0.1:1/0",
                                 "RATE_LIMIT_API_PER_MINUTE=2", "DRAIN_SECONDS=1", "WORKER_CONCURRENCY=1"});
  int port = wait_for_port(c);
  ASSERT_GT(port, 0) << slurp(c.log);
  auto token = seeded.login(seeded.advisor_a);
  auto call = [&] { return http_request(port, "GET", "/api/v1/me", "", {{"Authorization", "Bearer " + token}}); };
  // Failing open to this process's own counter: the limit still holds within the process.
  EXPECT_EQ(call().status, 200);
  EXPECT_EQ(call().status, 200);
  EXPECT_EQ(call().status, 429);
  ::kill(c.pid, SIGTERM);
  wait_exit(c.pid, 15);
  auto log = slurp(c.log);
  EXPECT_NE(log.find("\"redis_answers\":false"), std::string::npos) << log;
  EXPECT_NE(log.find("\"event\":\"redis.unavailable\""), std::string::npos) << log;
}

TEST(RateLimitsRedis, ABadRedisUrlStopsStartUpNamingTheVariable) {
  auto dir = temp_dir();
  auto c = spawn_cma({"serve"},
                     {"DATA_DIR=" + dir, "DATABASE_URL=sqlite:///" + dir + "/db.sqlite", "REDIS_URL=memcached://x"});
  EXPECT_EQ(wait_exit(c.pid, 10), 2);
  auto log = slurp(c.log);
  EXPECT_NE(log.find("configuration error: REDIS_URL: must start with redis:// or rediss://"), std::string::npos)
      << log;
}

}  // namespace
}  // namespace cma::testing::redis_itest

namespace cma::testing::redis_itest {
namespace {

// Trusts `ca_file` for this test only, as SSL_CERT_FILE does for OpenSSL's default paths.
struct TrustedCa {
  explicit TrustedCa(const std::string& ca_file) { ::setenv("SSL_CERT_FILE", ca_file.c_str(), 1); }
  ~TrustedCa() { ::unsetenv("SSL_CERT_FILE"); }
};

// As production's ElastiCache: rediss:// with an auth token, here also a database number.
TEST(RateLimitsRedis, TlsWithAPasswordAndADatabaseNumber) {
  RedisServer redis(RedisServerOptions{true, "to@ken/with:odd%chars"});
  TrustedCa trust(redis.ca_file());
  platform::RedisSettings settings;
  ASSERT_FALSE(platform::parse_redis_url(redis.url() + "/3", settings));
  ASSERT_TRUE(settings.tls);
  redis::Client client(settings);
  redis::RedisRateLimiter limiter(client);
  EXPECT_EQ(limiter.hit("api:user:tls", 5, std::chrono::seconds(60)).remaining, 4);
  EXPECT_EQ(limiter.hit("api:user:tls", 5, std::chrono::seconds(60)).remaining, 3);
  EXPECT_FALSE(client.down());
  auto here = client.command({"EXISTS", "cma:rl:api:user:tls"});
  ASSERT_TRUE(here);
  EXPECT_EQ(here->integer, 1) << "counted in database 3, which the URL selected";
  platform::RedisSettings db0 = settings;
  db0.db = 0;
  redis::Client other(db0);
  auto elsewhere = other.command({"EXISTS", "cma:rl:api:user:tls"});
  ASSERT_TRUE(elsewhere);
  EXPECT_EQ(elsewhere->integer, 0);

  // A wrong password, and a server certificate nobody trusts, are both refused (and fail open).
  platform::RedisSettings wrong = settings;
  wrong.password = "not-it";
  redis::Client refused(wrong);
  EXPECT_FALSE(refused.command({"PING"}));
  EXPECT_TRUE(refused.down());
  ::setenv("SSL_CERT_FILE", "/dev/null", 1);
  redis::Client untrusting(settings);
  EXPECT_FALSE(untrusting.command({"PING"}));
  EXPECT_TRUE(untrusting.down());
  redis::RedisRateLimiter fallback(untrusting);
  EXPECT_TRUE(fallback.hit("api:user:tls", 1, std::chrono::seconds(60)).allowed);
  EXPECT_FALSE(fallback.hit("api:user:tls", 1, std::chrono::seconds(60)).allowed);
}

// Redis killed, then started again where it was: the limiter fails open meanwhile and then counts in
// Redis again, without a restart of the API.
TEST(RateLimitsRedis, ALimiterUsesRedisAgainOnceItIsBack) {
  auto first = std::make_unique<RedisServer>();
  const int port = first->port();
  redis::Client client(first->settings());
  redis::RedisRateLimiter limiter(client);
  EXPECT_EQ(limiter.hit("api:user:r", 100, std::chrono::seconds(60)).remaining, 99);
  first->kill();
  auto during = limiter.hit("api:user:r", 100, std::chrono::seconds(60));
  EXPECT_TRUE(during.allowed);
  EXPECT_TRUE(client.down());
  first.reset();
  RedisServerOptions again;
  again.port = port;
  RedisServer second(again);
  // Reconnecting waits out the backoff (100 ms at first); the counter then starts afresh in Redis.
  ASSERT_TRUE(wait_until(
      [&] {
        limiter.hit("api:user:r", 100, std::chrono::seconds(60));
        return !client.down();
      },
      10));
  auto counted = client.command({"GET", "cma:rl:api:user:r"});
  ASSERT_TRUE(counted);
  EXPECT_EQ(counted->type, redis::Reply::Type::bulk);
  EXPECT_GE(std::stoi(counted->text), 1);
}

}  // namespace
}  // namespace cma::testing::redis_itest
