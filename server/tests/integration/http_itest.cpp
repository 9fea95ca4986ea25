// The HTTP contract: problem+json errors, limits, request ids, health, back-pressure.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <future>
#include <thread>
#include <vector>

#include "app/audit/ports.hpp"
#include "app/identity/ports.hpp"
#include "http/server.hpp"
#include "refdata/reference_data.hpp"
#include "store/database.hpp"
#include "support/backend.hpp"
#include "support/process.hpp"
#include "support/test_app.hpp"

namespace cma::testing::http_itest {
namespace json = boost::json;

namespace {
void expect_problem(const HttpResult& r, int status) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/problem+json") << r.body;
  ASSERT_TRUE(r.json.is_object()) << r.body;
  EXPECT_EQ(r.obj().at("status").as_int64(), status);
  EXPECT_FALSE(r.str("type").empty());
  EXPECT_FALSE(r.str("title").empty());
  EXPECT_FALSE(r.str("requestId").empty());
}
}  // namespace

TEST(Http, HealthReportsVersionAndDatabase) {
  TestApp app;
  auto r = app.get("/health", "");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.str("status"), "ok");
  EXPECT_EQ(r.str("version"), "test");
  EXPECT_EQ(r.obj().at("checks").at("database").at("status").as_string(), "ok");
}

TEST(Http, ErrorsAreProblemDocuments) {
  TestApp app;
  auto t = app.login(app.admin);
  expect_problem(app.get("/api/v1/nothing-here", t), 404);
  auto wrong_method = app.call("DELETE", "/api/v1/me", t);
  expect_problem(wrong_method, 405);
  EXPECT_EQ(wrong_method.header("allow"), "GET");
  auto unauth = app.get("/api/v1/me", "");
  expect_problem(unauth, 401);
  EXPECT_EQ(unauth.header("www-authenticate"), "Bearer");
  expect_problem(
      app.call("POST", "/api/v1/centres", t, "name=x", {{"Content-Type", "application/x-www-form-urlencoded"}}), 415);
  auto malformed = app.call("POST", "/api/v1/centres", t, "{\n  \"name\": \"x\",\n  \"code\" \"ABC\"\n}");
  expect_problem(malformed, 400);
  EXPECT_NE(malformed.str("detail").find("line 3"), std::string::npos) << malformed.str("detail");
  expect_problem(app.call("POST", "/api/v1/centres", t, "[1,2]"), 400);
  expect_problem(app.call("POST", "/api/v1/centres", t, "", {{"Content-Type", "application/json"}}), 400);
  expect_problem(app.call("POST", "/api/v1/centres", t, ""), 415);
  auto invalid = app.post(
      "/api/v1/centres", json::object{{"name", ""}, {"code", "lower"}, {"contactEmail", "nope"}, {"colour", "red"}}, t);
  expect_problem(invalid, 422);
  std::set<std::string> fields;
  for (const auto& e : invalid.obj().at("errors").as_array())
    fields.insert(std::string(e.as_object().at("field").as_string()));
  EXPECT_EQ(fields, (std::set<std::string>{"name", "code", "contactEmail", "colour"}));
  expect_problem(app.get("/api/v1/users/not-a-uuid", t), 404);
  expect_problem(app.get("/api/v1/users?limit=abc", t), 422);
}

TEST(Http, BodyTooLargeIsRefusedAndChangesNothing) {
  TestApp app({.max_body_bytes = 4096});
  auto t = app.login(app.admin);
  std::string big = "{\"name\":\"" + std::string(10000, 'x') + "\",\"code\":\"BIG\"}";
  auto r = app.call("POST", "/api/v1/centres", t, big);
  expect_problem(r, 413);
  auto list = app.get("/api/v1/centres", t);
  EXPECT_EQ(list.obj().at("items").as_array().size(), 2u);
}

TEST(Http, RequestIdsAreEchoedOrGenerated) {
  TestApp app;
  auto given = app.call("GET", "/api/v1/nowhere", "", "", {{"X-Request-Id", "abc-123"}});
  EXPECT_EQ(given.header("x-request-id"), "abc-123");
  EXPECT_EQ(given.str("requestId"), "abc-123");
  auto amzn = app.call("GET", "/health", "", "", {{"X-Amzn-Trace-Id", "Root=1-67891233-abcdef012345678912345678"}});
  EXPECT_EQ(amzn.header("x-request-id"), "Root=1-67891233-abcdef012345678912345678");
  auto unsafe = app.call("GET", "/health", "", "", {{"X-Request-Id", "bad id with spaces"}});
  EXPECT_NE(unsafe.header("x-request-id"), "bad id with spaces");
  EXPECT_EQ(unsafe.header("x-request-id").size(), 24u);
}

TEST(Http, OpenApiContractIsServed) {
  TestApp app;
  auto r = app.get("/api/v1/openapi.json", "");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.json.is_object());
  EXPECT_TRUE(r.obj().contains("paths"));
}

// A request that fails inside a transaction must not leave its pooled connection in that
// transaction: rows it wrote must never be seen or committed by the next request that borrows the
// connection, and on PostgreSQL a failed statement must not leave the next request facing
// "current transaction is aborted". One worker and one connection, so every step below (the
// transactions opened here as well as the requests) runs on the same connection.
TEST(Http, FailedWritesNeverPoisonPooledConnections) {
  TestApp app({.workers = 1});
  auto t = app.login(app.admin);
  auto user_row = [&](const std::string& id, const std::string& email) {
    app::User u;
    u.id = id;
    u.centre_id = app.centre_a;
    u.email = email;
    u.first_name = "Half";
    u.last_name = "Done";
    u.role = domain::Role::advisor;
    u.password_hash = "x";
    u.created_at = u.updated_at = "2026-01-01T00:00:00.000000Z";
    return u;
  };
  auto committed = [&](const std::string& id) {
    store::SociDatabase fresh(app.database_url(), 1);  // a brand-new connection sees only committed rows
    return fresh.begin(app::TxMode::read)
        ->get<app::UserRepository>()
        .find(app::Tenancy::of(app::Principal::operator_command()), id)
        .has_value();
  };
  const std::string abandoned = "01900000-0000-7000-8000-0000000000e1";
  const std::string failed = "01900000-0000-7000-8000-0000000000e2";

  // A use case that wrote and then returned an error without committing.
  {
    auto tx = app.db().begin(app::TxMode::write);
    tx->get<app::UserRepository>().insert(user_row(abandoned, "abandoned@a.test"));
  }
  expect_problem(app.get("/api/v1/users/" + abandoned, t), 404);
  // One whose write failed on a uniqueness rule (a race its own check lost) and answered 409.
  {
    auto tx = app.db().begin(app::TxMode::write);
    tx->get<app::UserRepository>().insert(user_row(failed, "failed@a.test"));
    EXPECT_THROW(
        tx->get<app::UserRepository>().insert(user_row("01900000-0000-7000-8000-0000000000e3", app.advisor_b.email)),
        app::UniqueViolation);
  }
  ASSERT_EQ(app.get("/api/v1/me", t).status, 200);
  expect_problem(app.get("/api/v1/users/" + failed, t), 404);

  // Requests refused part-way through their transaction.
  json::object dup{
      {"email", app.advisor_b.email},         {"firstName", "D"},        {"lastName", "U"}, {"role", "advisor"},
      {"password", "a long enough password"}, {"centreId", app.centre_a}};
  for (int i = 0; i < 3; ++i) ASSERT_EQ(app.post("/api/v1/users", dup, t).status, 409);
  ASSERT_EQ(app.patch("/api/v1/centres/" + app.centre_a, json::object{{"code", "CTB"}}, t).status, 422);

  // The next write commits itself and nothing else.
  json::object ok{{"email", "kept@a.test"},
                  {"firstName", "K"},
                  {"lastName", "W"},
                  {"role", "advisor"},
                  {"password", "a long enough password"},
                  {"centreId", app.centre_a}};
  auto created = app.post("/api/v1/users", ok, t);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_TRUE(committed(created.str("id")));
  EXPECT_FALSE(committed(abandoned));
  EXPECT_FALSE(committed(failed));
}

TEST(Http, FullWorkerQueueAnswers503WithRetryAfter) {
  std::atomic<int> running{0};
  std::promise<void> release;
  auto released = release.get_future().share();
  http::ServerOptions opt;
  opt.port = 0;
  opt.workers = 1;
  opt.queue_limit = 1;
  http::Server server(
      [&](http::Request&) {
        ++running;
        released.wait();
        return http::Response::json(200, json::object{{"ok", true}});
      },
      opt);
  server.start();
  std::thread runner([&] { server.run(false); });
  auto busy = std::async(std::launch::async, [&] { return http_request(server.port(), "GET", "/slow"); });
  while (running.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto refused = http_request(server.port(), "GET", "/slow");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.header("retry-after"), "1");
  EXPECT_EQ(refused.header("content-type"), "application/problem+json");
  release.set_value();
  EXPECT_EQ(busy.get().status, 200);
  server.stop();
  runner.join();
}

// Writes and reads have workers of their own: with every write worker held (as by writes waiting
// for their flush), a GET is still served at once, and a further write waits its turn.
TEST(Http, ReadsRunWhileEveryWriteWorkerIsBusy) {
  std::atomic<int> writing{0};
  std::promise<void> release;
  auto released = release.get_future().share();
  http::ServerOptions opt;
  opt.port = 0;
  opt.workers = 1;
  opt.read_workers = 1;
  http::Server server(
      [&](http::Request& req) {
        if (req.method != "GET") {
          ++writing;
          released.wait();
        }
        return http::Response::json(200, json::object{{"method", req.method}});
      },
      opt);
  server.start();
  std::thread runner([&] { server.run(false); });
  auto first = std::async(std::launch::async, [&] { return http_request(server.port(), "POST", "/write", "{}"); });
  while (writing.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto second = std::async(std::launch::async, [&] { return http_request(server.port(), "DELETE", "/write"); });
  std::vector<std::future<HttpResult>> reads;  // (outlive the release below, should one wait for it)
  for (int i = 0; i < 3; ++i) {
    reads.push_back(std::async(std::launch::async, [&] { return http_request(server.port(), "GET", "/read"); }));
    if (reads.back().wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
      ADD_FAILURE() << "a GET waited for the busy write worker";
      break;
    }
    auto got = reads.back().get();
    EXPECT_EQ(got.status, 200);
    EXPECT_EQ(got.str("method"), "GET");
  }
  EXPECT_EQ(writing.load(), 1);  // the second write waits for the one write worker
  EXPECT_EQ(second.wait_for(std::chrono::milliseconds(0)), std::future_status::timeout);
  release.set_value();
  EXPECT_EQ(first.get().status, 200);
  EXPECT_EQ(second.get().status, 200);
  EXPECT_EQ(writing.load(), 2);
  server.stop();
  runner.join();
}

// With every pooled connection in use, a request waits up to the pool wait (DB_POOL_WAIT_MS) for
// one and then answers 503 with Retry-After instead of hanging, and so does /health. Once a
// connection is free again, requests succeed.
TEST(Http, ExhaustedConnectionPoolAnswers503AfterThePoolWait) {
  using std::chrono::milliseconds, std::chrono::steady_clock;
  TestApp app({.workers = 1, .pool_wait = milliseconds(300)});
  auto t = app.login(app.advisor_a);
  struct Timed {
    HttpResult result;
    steady_clock::duration took;
  };
  auto timed_get = [&app](std::string target, std::string token) {
    return std::async(std::launch::async, [&app, target, token] {
      auto started = steady_clock::now();
      auto r = app.get(target, token);
      return Timed{r, steady_clock::now() - started};
    });
  };
  // The pool's only connection (a snapshot holds one; SQLite's writes run on a connection of their own).
  auto held = app.db().begin(app::TxMode::snapshot);
  auto me = timed_get("/api/v1/me", t);
  bool me_answered = me.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
  std::future<Timed> health;
  bool health_answered = false;
  if (me_answered) {
    health = timed_get("/health", "");
    health_answered = health.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
  }
  held.reset();  // frees the connection, also for a request still waiting for it
  ASSERT_TRUE(me_answered) << "a request waited for a database connection without limit";
  auto busy = me.get();
  expect_problem(busy.result, 503);
  EXPECT_EQ(busy.result.str("type"), "/problems/unavailable");
  EXPECT_EQ(busy.result.header("retry-after"), "1");
  EXPECT_GE(busy.took, milliseconds(300));
  EXPECT_LT(busy.took, milliseconds(3000));
  ASSERT_TRUE(health_answered) << "/health waited for a database connection without limit";
  auto checked = health.get();
  EXPECT_EQ(checked.result.status, 503) << checked.result.body;
  EXPECT_EQ(checked.result.str("status"), "unavailable") << checked.result.body;
  EXPECT_LT(checked.took, milliseconds(3000));

  EXPECT_EQ(app.get("/api/v1/me", t).status, 200);
  EXPECT_EQ(app.get("/health", "").status, 200);
}

namespace {
// Runs GET /health through the request pipeline against `db`, with the server draining or not.
http::Response health_of(store::SociDatabase& db, bool draining) {
  platform::ManualClock clock(platform::TimePoint{});
  platform::UuidV7Generator ids(clock);
  auto reference = refdata::load_reference_data("");
  app::Deps deps{db, clock, ids, *reference};
  app::AuthService auth(deps, app::AccessTokenCodec(std::string(40, 's'), std::chrono::minutes(15)),
                        app::SessionPolicy{});
  http::Api api(http::Services{deps, auth, "test", [draining] { return draining; }});
  http::Request req;
  req.method = "GET";
  req.path = "/health";
  return api.handle(req);
}
}  // namespace

TEST(Http, HealthIs503WhenTheDatabaseIsUnreachable) {
  // A database path that is a directory cannot be opened: the check must fail, not hang or crash.
  store::SociDatabase db("sqlite:///" + temp_dir(), 1);
  auto r = health_of(db, false);
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("failing"), std::string::npos) << r.body;
}

TEST(Http, HealthIs503WhileDraining) {
  TestApp app;
  store::SociDatabase db(app.database_url(), 1);
  EXPECT_EQ(health_of(db, false).status, 200);
  auto r = health_of(db, true);
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("draining"), std::string::npos) << r.body;
}

TEST(Http, AfterStopTheLameDuckServesEveryRequestWithHealthFailingAndClosesEachConnection) {
  TestApp app({.lame_duck_seconds = 5});
  Connection kept(app.port());  // a keep-alive connection opened before the stop, as a proxy keeps
  ASSERT_EQ(kept.get("/health").status, 200);
  auto stopped = std::chrono::steady_clock::now();
  app.stop_serving();

  // The load balancer's check fails at once, while requests are still answered: on the connection
  // it had open and on new ones, each told to close.
  auto health = http_request(app.port(), "GET", "/health");
  EXPECT_EQ(health.status, 503) << health.body;
  EXPECT_NE(health.body.find("draining"), std::string::npos) << health.body;
  auto on_kept = kept.get("/api/v1/me");
  EXPECT_EQ(on_kept.status, 401) << "the request sent on the kept connection went unanswered";
  EXPECT_EQ(on_kept.header("connection"), "close");
  auto login = app.login_result(app.advisor_a.email, app.advisor_a.password);
  EXPECT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.header("connection"), "close");
  EXPECT_LT(std::chrono::steady_clock::now() - stopped, std::chrono::seconds(5));
}

TEST(Http, ConnectionsBeyondTheCapAreTurnedAwayAtOnceAndTheOthersKeepWorking) {
  TestApp app({.max_connections = 3});
  // Three keep-alive connections, each shown to be open by a request on it.
  std::vector<std::unique_ptr<Connection>> open;
  for (int i = 0; i < 3; ++i) {
    open.push_back(std::make_unique<Connection>(app.port()));
    ASSERT_EQ(open.back()->get("/health").status, 200) << i;
  }

  // A fourth is answered 503 with Retry-After without sending anything, and closed promptly.
  for (int attempt = 0; attempt < 3; ++attempt) {
    int fd = connect_loopback(app.port());
    ASSERT_GE(fd, 0);
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    auto started = std::chrono::steady_clock::now();
    std::string reply;
    char buf[4096];
    ssize_t n = 0;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) reply.append(buf, static_cast<std::size_t>(n));
    EXPECT_EQ(n, 0) << "the server should close the connection, not leave it open";
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
    ::close(fd);
    EXPECT_EQ(reply.rfind("HTTP/1.1 503", 0), 0u) << reply;
    EXPECT_NE(reply.find("Retry-After: 1"), std::string::npos) << reply;
    EXPECT_NE(reply.find("application/problem+json"), std::string::npos) << reply;
    EXPECT_NE(reply.find("too many open connections"), std::string::npos) << reply;
  }

  // The connections already open are unaffected.
  for (auto& c : open) EXPECT_EQ(c->get("/health").status, 200);

  // Once one closes, a new connection is served (the server notices the close asynchronously).
  open.pop_back();
  int status = 0;
  for (int i = 0; i < 100 && status != 200; ++i) {
    Connection fresh(app.port());
    status = fresh.get("/health").status;
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(status, 200);
  EXPECT_EQ(open[0]->get("/health").status, 200);
}

}  // namespace cma::testing::http_itest
