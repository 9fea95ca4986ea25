// Sign-in throttling (docs/operations.md): strict per account at one address, a growing delay per
// account from anywhere, a high limit per address. Counted before the password is checked, so
// concurrent attempts cannot get past a limit.
#include <gtest/gtest.h>

#include <future>

#include "support/test_app.hpp"

namespace cma::testing::throttle_itest {
namespace {

constexpr const char* kWrong = "wrong-password-123";

Headers from(const std::string& address) {
  return {{"X-Forwarded-For", address}};
}

std::string address(int i) {
  return "198.51.100." + std::to_string(i);
}

// The refresh cookie's value from a sign-in or refresh response.
std::string refresh_cookie(const HttpResult& r) {
  auto c = r.header("set-cookie");
  auto start = c.find("cma_refresh=");
  if (start == std::string::npos) return {};
  start += std::string("cma_refresh=").size();
  return c.substr(start, c.find(';', start) - start);
}

struct Tally {
  int unauthorized = 0, limited = 0, other = 0;
};

// Runs `n` sign-ins at once (each from `address_of(i)` for `email_of(i)`) and counts the answers.
template <class EmailOf, class AddressOf>
Tally concurrently(TestApp& app, int n, EmailOf email_of, AddressOf address_of) {
  std::vector<std::future<int>> calls;
  for (int i = 0; i < n; ++i)
    calls.push_back(std::async(std::launch::async,
                               [&, i] { return app.login_result(email_of(i), kWrong, from(address_of(i))).status; }));
  Tally t;
  for (auto& c : calls) {
    int status = c.get();
    (status == 401 ? t.unauthorized : status == 429 ? t.limited : t.other)++;
  }
  return t;
}

}  // namespace

TEST(Throttle, FiveFailuresLockTheAccountAtThatAddressForFifteenMinutes) {
  TestApp app;
  for (int i = 0; i < 5; ++i) EXPECT_EQ(app.login_result(app.advisor_a.email, kWrong).status, 401);
  auto locked = app.login_result(app.advisor_a.email, app.advisor_a.password);
  ASSERT_EQ(locked.status, 429) << locked.body;
  int retry = std::stoi(locked.header("retry-after"));
  EXPECT_GT(retry, 0);
  EXPECT_LE(retry, 15 * 60);
  app.clock().advance(std::chrono::minutes(14));
  EXPECT_EQ(app.login_result(app.advisor_a.email, app.advisor_a.password).status, 429);
  app.clock().advance(std::chrono::minutes(1) + std::chrono::seconds(1));
  EXPECT_EQ(app.login_result(app.advisor_a.email, app.advisor_a.password).status, 200);
}

// A whole centre signs in from one office address: one person's mistakes lock nobody else out.
TEST(Throttle, AColleaguesFailuresAtASharedAddressDoNotLockAnotherUserOut) {
  TestApp app;
  for (int i = 0; i < 8; ++i) app.login_result(app.advisor_a.email, kWrong);
  EXPECT_EQ(app.login_result(app.advisor_a.email, app.advisor_a.password).status, 429);
  EXPECT_EQ(app.login_result(app.manager_a.email, app.manager_a.password).status, 200);
  EXPECT_EQ(app.login_result(app.trainee_a.email, kWrong).status, 401);
  EXPECT_EQ(app.login_result(app.trainee_a.email, app.trainee_a.password).status, 200);
}

// Guessing from one place cannot lock the owner out from another.
TEST(Throttle, GuessingAtOneAddressDoesNotLockTheOwnerOutElsewhere) {
  TestApp app({.trust_proxy = true});
  for (int i = 0; i < 5; ++i) EXPECT_EQ(app.login_result(app.advisor_a.email, kWrong, from("203.0.113.9")).status, 401);
  EXPECT_EQ(app.login_result(app.advisor_a.email, kWrong, from("203.0.113.9")).status, 429);
  EXPECT_EQ(app.login_result(app.advisor_a.email, app.advisor_a.password, from("203.0.113.9")).status, 429);
  EXPECT_EQ(app.login_result(app.advisor_a.email, app.advisor_a.password, from("192.0.2.10")).status, 200);
}

// Behind CloudFront and the load balancer X-Forwarded-For ends "<client>, <edge>": with two hops
// trusted the client's address is counted, not the edge's that many clients share, and whatever a
// client put in front of it is not believed.
TEST(Throttle, BehindTwoProxiesTheClientsAddressIsCountedNotTheEdges) {
  TestApp app({.trust_proxy = true, .proxy_hops = 2});
  const std::string edge = "130.176.12.34";
  for (int i = 0; i < 5; ++i) {
    auto claimed = "198.51.100." + std::to_string(i + 1);  // a different made-up origin each time
    EXPECT_EQ(app.login_result(app.advisor_a.email, kWrong, from(claimed + ", 203.0.113.9, " + edge)).status, 401);
  }
  EXPECT_EQ(app.login_result(app.advisor_a.email, app.advisor_a.password, from("203.0.113.9, " + edge)).status, 429);
  EXPECT_EQ(app.login_result(app.advisor_a.email, app.advisor_a.password, from("192.0.2.10, " + edge)).status, 200)
      << "a colleague behind the same CloudFront edge is not locked out";
  // The audit trail records the client's address too.
  auto trail = app.get("/api/v1/audit?entityType=user&limit=50", app.login(app.admin));
  ASSERT_EQ(trail.status, 200) << trail.body;
  EXPECT_NE(trail.body.find("192.0.2.10"), std::string::npos) << trail.body;
  EXPECT_EQ(trail.body.find(edge), std::string::npos) << trail.body;
}

// Guesses spread over many addresses: past the threshold each one waits twice as long as the last,
// and the owner waits no longer than the current delay.
TEST(Throttle, DistributedGuessingAgainstOneAccountIsSlowedWithGrowingDelays) {
  TestApp app({.trust_proxy = true});
  int next = 1;
  for (int i = 0; i < 10; ++i)
    ASSERT_EQ(app.login_result(app.advisor_a.email, kWrong, from(address(next++))).status, 401);
  for (int delay : {1, 2, 4, 8}) {
    ASSERT_EQ(app.login_result(app.advisor_a.email, kWrong, from(address(next++))).status, 401);
    auto slowed = app.login_result(app.advisor_a.email, kWrong, from(address(next++)));
    ASSERT_EQ(slowed.status, 429) << slowed.body;
    EXPECT_EQ(slowed.header("retry-after"), std::to_string(delay));
    app.clock().advance(std::chrono::seconds(delay));
  }
  // The owner, during a delay, is asked to wait only that long; then gets in.
  ASSERT_EQ(app.login_result(app.advisor_a.email, kWrong, from(address(next++))).status, 401);
  auto owner = app.login_result(app.advisor_a.email, app.advisor_a.password, from("192.0.2.10"));
  ASSERT_EQ(owner.status, 429);
  EXPECT_EQ(owner.header("retry-after"), "16");
  app.clock().advance(std::chrono::seconds(16));
  EXPECT_EQ(app.login_result(app.advisor_a.email, app.advisor_a.password, from("192.0.2.10")).status, 200);
  // Other accounts are untouched throughout.
  EXPECT_EQ(app.login_result(app.manager_a.email, app.manager_a.password, from(address(1))).status, 200);
}

TEST(Throttle, PasswordSprayingFromOneAddressIsStopped) {
  domain::LoginThrottlePolicy policy;
  policy.address = {20, std::chrono::minutes(15)};
  TestApp app({.trust_proxy = true, .throttle = policy});
  for (int i = 0; i < 20; ++i)
    ASSERT_EQ(app.login_result("person" + std::to_string(i) + "@a.test", kWrong, from("203.0.113.9")).status, 401);
  EXPECT_EQ(app.login_result(app.manager_a.email, app.manager_a.password, from("203.0.113.9")).status, 429);
  EXPECT_EQ(app.login_result(app.manager_a.email, app.manager_a.password, from("192.0.2.10")).status, 200);
}

// Without TRUST_PROXY a client cannot pick its own address to dodge the per-address limits.
TEST(Throttle, ForwardedForIsIgnoredUnlessTheProxyIsTrusted) {
  TestApp app;
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(app.login_result(app.advisor_a.email, kWrong, from(address(i + 1))).status, 401);
  EXPECT_EQ(app.login_result(app.advisor_a.email, kWrong, from(address(99))).status, 429);
}

TEST(Throttle, ConcurrentWrongPasswordsAtOneAddressCheckNoMoreThanTheLimit) {
  TestApp app({.workers = 8});
  auto t = concurrently(
      app, 40, [&](int) { return app.advisor_a.email; }, [](int) { return std::string("203.0.113.9"); });
  EXPECT_EQ(t.unauthorized, 5);
  EXPECT_EQ(t.limited, 35);
  EXPECT_EQ(t.other, 0);
}

TEST(Throttle, ConcurrentGuessesFromManyAddressesStopAtTheFirstDelay) {
  TestApp app({.workers = 8, .trust_proxy = true});
  auto t = concurrently(
      app, 40, [&](int) { return app.advisor_a.email; }, [](int i) { return address(i + 1); });
  EXPECT_EQ(t.unauthorized, 11);  // the threshold, and the one that starts the first delay
  EXPECT_EQ(t.limited, 29);
  EXPECT_EQ(t.other, 0);
}

TEST(Throttle, ConcurrentSprayingFromOneAddressStopsAtTheAddressLimit) {
  domain::LoginThrottlePolicy policy;
  policy.address = {20, std::chrono::minutes(15)};
  TestApp app({.workers = 8, .trust_proxy = true, .throttle = policy});
  auto t = concurrently(
      app, 40, [](int i) { return "person" + std::to_string(i) + "@a.test"; },
      [](int) { return std::string("203.0.113.9"); });
  EXPECT_EQ(t.unauthorized, 20);
  EXPECT_EQ(t.limited, 20);
  EXPECT_EQ(t.other, 0);
}

// A session kept alive by refreshing still ends at its maximum lifetime.
TEST(Throttle, SessionsEndAtTheirMaximumLifetimeHoweverOftenTheyRefresh) {
  TestApp app({.sessions = {std::chrono::hours(1), std::chrono::hours(3)}});
  auto r = app.login_result(app.advisor_a.email, app.advisor_a.password);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.obj().at("refreshExpiresIn").as_int64(), 3600);
  for (int i = 0; i < 3; ++i) {
    app.clock().advance(std::chrono::minutes(50));
    r = app.call("POST", "/api/v1/auth/refresh", "", "", {{"Cookie", "cma_refresh=" + refresh_cookie(r)}});
    ASSERT_EQ(r.status, 200) << "refresh " << i << ": " << r.body;
  }
  // 2 h 30 min in: the token may live only until the 3-hour mark.
  EXPECT_EQ(r.obj().at("refreshExpiresIn").as_int64(), 30 * 60);
  EXPECT_NE(r.header("set-cookie").find("Max-Age=1800"), std::string::npos) << r.header("set-cookie");
  app.clock().advance(std::chrono::minutes(29));
  r = app.call("POST", "/api/v1/auth/refresh", "", "", {{"Cookie", "cma_refresh=" + refresh_cookie(r)}});
  ASSERT_EQ(r.status, 200) << r.body;
  app.clock().advance(std::chrono::minutes(2));
  r = app.call("POST", "/api/v1/auth/refresh", "", "", {{"Cookie", "cma_refresh=" + refresh_cookie(r)}});
  EXPECT_EQ(r.status, 401) << r.body;
}

}  // namespace cma::testing::throttle_itest
