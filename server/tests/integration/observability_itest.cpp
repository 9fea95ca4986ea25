// /metrics counts requests by route template, and X-Ray segments reach a daemon address: a UDP
// socket of the test's own on 127.0.0.1, any free port.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <optional>

#include "platform/metrics.hpp"
#include "platform/xray.hpp"
#include "redis/client.hpp"
#include "redis/rate_limiter.hpp"
#include "support/backend.hpp"
#include "support/redis_server.hpp"
#include "support/s3_harness.hpp"
#include "support/test_app.hpp"

namespace cma::testing::observability_itest {
namespace {

namespace json = boost::json;

const std::string kToken(40, 't');

std::string bearer(const std::string& token) {
  return "Bearer " + token;
}

// The value of the series `name{labels}` in a Prometheus text, if present.
std::optional<double> series(const std::string& text, const std::string& name_and_labels) {
  auto at = text.find("\n" + name_and_labels + " ");
  if (at == std::string::npos) return std::nullopt;
  return std::stod(text.substr(at + name_and_labels.size() + 2));
}

TEST(Metrics, NotServedWithoutAToken) {
  platform::metrics::RequestMetrics metrics;
  TestAppOptions o;
  o.metrics = &metrics;  // counted (for EMF, say), but nobody may read them over HTTP
  TestApp app(o);
  auto r = app.call("GET", "/metrics", "", "", {{"Authorization", bearer(kToken)}});
  EXPECT_EQ(r.status, 404) << r.body;
}

TEST(Metrics, CountRequestsByRouteTemplateForTheTokenHolderOnly) {
  platform::metrics::RequestMetrics metrics;
  TestAppOptions o;
  o.metrics = &metrics;
  o.metrics_token = kToken;
  TestApp app(o);

  EXPECT_EQ(app.call("GET", "/metrics").status, 401);
  auto wrong = app.call("GET", "/metrics", "", "", {{"Authorization", bearer(std::string(40, 'x'))}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.header("www-authenticate"), "Bearer realm=\"metrics\"");
  auto access = app.call("GET", "/metrics", app.login(app.admin));  // a user's token is not the metrics token
  EXPECT_EQ(access.status, 401);

  auto token = app.login(app.admin);
  EXPECT_EQ(app.get("/api/v1/centres/" + app.centre_a, token).status, 200);
  EXPECT_EQ(app.get("/api/v1/centres/" + app.centre_b, token).status, 200);
  EXPECT_EQ(app.get("/api/v1/centres/0190d6a4-7a4e-7c3e-9f0a-4b2d1e6c8a11", token).status, 404);
  EXPECT_EQ(app.get("/api/v1/no-such-thing/ab12cd34", token).status, 404);

  auto r = app.call("GET", "/metrics", "", "", {{"Authorization", bearer(kToken)}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  const auto& text = r.body;
  EXPECT_EQ(series(text, R"(cma_http_requests_total{method="GET",route="/api/v1/centres/{id}",status="2xx"})"), 2)
      << text;
  EXPECT_EQ(series(text, R"(cma_http_requests_total{method="GET",route="/api/v1/centres/{id}",status="4xx"})"), 1)
      << text;
  EXPECT_EQ(series(text, R"m(cma_http_requests_total{method="GET",route="(unmatched)",status="4xx"})m"), 1) << text;
  EXPECT_EQ(series(text, R"(cma_http_requests_total{method="POST",route="/api/v1/auth/login",status="2xx"})"), 2)
      << text;
  EXPECT_EQ(
      series(text,
             R"(cma_http_request_duration_seconds_count{method="GET",route="/api/v1/centres/{id}",status="2xx"})"),
      2)
      << text;
  EXPECT_EQ(series(text, R"(cma_http_requests_total{method="GET",route="/metrics",status="4xx"})"), 3)
      << "the refused scrapes count too: " << text;
  // Never a raw path, an id or a token in a label.
  for (const auto& secret : {app.centre_a, app.centre_b, std::string("ab12cd34"), std::string("no-such-thing"),
                             std::string("0190d6a4-7a4e-7c3e-9f0a-4b2d1e6c8a11"), kToken, app.admin.email})
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
}

// A UDP socket standing in for the X-Ray daemon.
class FakeDaemon {
 public:
  FakeDaemon() {
    fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) throw std::runtime_error("bind");
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~FakeDaemon() { ::close(fd_); }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  // The next segment: checks the daemon protocol's header line and parses the JSON after it.
  json::object next_segment() {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 10000) != 1) {
      ADD_FAILURE() << "no segment arrived within 10 s";
      return {};
    }
    std::string buf(70000, '\0');
    auto n = ::recv(fd_, buf.data(), buf.size(), 0);
    buf.resize(static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    const std::string header = "{\"format\": \"json\", \"version\": 1}\n";
    EXPECT_EQ(buf.rfind(header, 0), 0u) << buf;
    boost::system::error_code ec;
    auto v = json::parse(buf.substr(header.size()), ec);
    EXPECT_FALSE(ec) << buf;
    return ec || !v.is_object() ? json::object{} : v.as_object();
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

std::vector<const json::object*> all_subsegments(const json::object& parent,
                                                 std::vector<const json::object*> out = {}) {
  if (const auto* subs = parent.if_contains("subsegments")) {
    for (const auto& s : subs->as_array()) {
      out.push_back(&s.as_object());
      out = all_subsegments(s.as_object(), std::move(out));
    }
  }
  return out;
}

constexpr const char* kRoot = "1-5759e988-bd862e3fe1be46a994272793";
constexpr const char* kParent = "53995c3f42cd8ad8";

TEST(XRay, EachRequestSendsASegmentWithItsSqlSubsegments) {
  FakeDaemon daemon;
  platform::xray::Tracer tracer({daemon.address(), "cma-itest", 1.0});
  TestAppOptions o;
  o.tracer = &tracer;
  TestApp app(o);
  auto token = app.login(app.admin);
  daemon.next_segment();  // the sign-in's

  auto r = app.call("GET", "/api/v1/centres/" + app.centre_a + "?fields=name&email=someone@example.org", token, "",
                    {{"X-Amzn-Trace-Id", std::string("Root=") + kRoot + ";Parent=" + kParent + ";Sampled=1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("x-amzn-trace-id"), std::string("Root=") + kRoot + ";Sampled=1");

  auto seg = daemon.next_segment();
  EXPECT_EQ(seg.at("trace_id").as_string(), kRoot);
  EXPECT_EQ(seg.at("parent_id").as_string(), kParent);
  EXPECT_EQ(seg.at("name").as_string(), "cma-itest");
  EXPECT_TRUE(platform::xray::valid_segment_id(seg.at("id").as_string()));
  EXPECT_LT(seg.at("start_time").to_number<double>(), seg.at("end_time").to_number<double>());
  EXPECT_EQ(seg.at("http").at("request").at("method").as_string(), "GET");
  EXPECT_EQ(seg.at("http").at("request").at("url").as_string(), "/api/v1/centres/" + app.centre_a)
      << "the path only: no query string";
  EXPECT_EQ(seg.at("http").at("response").at("status").as_int64(), 200);
  EXPECT_EQ(seg.at("annotations").at("route").as_string(), "/api/v1/centres/{id}");
  EXPECT_FALSE(seg.contains("fault"));
  EXPECT_FALSE(seg.contains("error"));
  EXPECT_EQ(json::serialize(seg).find("someone@example.org"), std::string::npos);
  EXPECT_EQ(json::serialize(seg).find(token), std::string::npos);

  const std::string database_type = using_postgres() ? "PostgreSQL" : "SQLite";
  int sql = 0, transactions = 0;
  for (const auto* sub : all_subsegments(seg)) {
    EXPECT_TRUE(platform::xray::valid_segment_id(sub->at("id").as_string()));
    EXPECT_TRUE(platform::xray::valid_segment_name(sub->at("name").as_string())) << sub->at("name");
    EXPECT_LE(seg.at("start_time").to_number<double>(), sub->at("start_time").to_number<double>());
    EXPECT_LE(sub->at("start_time").to_number<double>(), sub->at("end_time").to_number<double>());
    if (sub->at("name").as_string().starts_with("transaction.")) ++transactions;
    if (const auto* q = sub->if_contains("sql")) {
      ++sql;
      EXPECT_EQ(sub->at("namespace").as_string(), "remote");
      EXPECT_EQ(q->at("database_type").as_string(), database_type);
      auto text = std::string(q->at("sanitized_query").as_string());
      EXPECT_FALSE(text.empty());
      EXPECT_EQ(text.find(app.centre_a), std::string::npos) << "parameters are never in the query text: " << text;
    }
  }
  EXPECT_GE(transactions, 1);
  EXPECT_GE(sql, 2) << "the token's user and the centre were read: " << json::serialize(seg);
}

TEST(XRay, UpstreamDecisionsAreRespectedAndBadHeadersStartANewTrace) {
  FakeDaemon daemon;
  platform::xray::Tracer tracer({daemon.address(), "cma", 1.0});
  TestAppOptions o;
  o.tracer = &tracer;
  TestApp app(o);

  // Not sampled upstream: answered with the trace id, but nothing is sent. The next request's
  // segment is the next datagram to arrive, so none came for this one.
  auto quiet = app.call("GET", "/health", "", "", {{"X-Amzn-Trace-Id", std::string("Root=") + kRoot + ";Sampled=0"}});
  EXPECT_EQ(quiet.header("x-amzn-trace-id"), std::string("Root=") + kRoot + ";Sampled=0");

  for (const std::string& bad :
       {std::string("Root=1-zzzz;Sampled=1"), std::string("Root=") + kRoot + ";Sampled=\xff", std::string(2000, 'R')}) {
    auto r = app.call("GET", "/api/v1/nowhere", "", "", {{"X-Amzn-Trace-Id", bad}});
    EXPECT_EQ(r.status, 404);
    auto echoed = r.header("x-amzn-trace-id");
    ASSERT_EQ(echoed.rfind("Root=", 0), 0u) << echoed;
    auto trace_id = echoed.substr(5, 35);
    EXPECT_TRUE(platform::xray::valid_trace_id(trace_id)) << echoed;
    EXPECT_NE(trace_id, kRoot);

    auto seg = daemon.next_segment();
    EXPECT_EQ(seg.at("trace_id").as_string(), trace_id) << "a new trace, not the quiet request's";
    EXPECT_FALSE(seg.contains("parent_id"));
    EXPECT_TRUE(seg.at("error").as_bool()) << "a 404 is a client error";
    EXPECT_EQ(seg.at("annotations").at("route").as_string(), "(unmatched)");
  }
}

}  // namespace
}  // namespace cma::testing::observability_itest

namespace cma::testing::observability_itest {

TEST(XRay, ACalendarFeedIsTracedByItsRouteNotItsSecretPath) {
  FakeDaemon daemon;
  platform::xray::Tracer tracer({daemon.address(), "cma-itest", 1.0});
  TestAppOptions o;
  o.tracer = &tracer;
  TestApp app(o);
  auto token = app.login(app.advisor_a);
  daemon.next_segment();  // the sign-in's
  auto issued = app.post("/api/v1/me/calendar-feed", json::object{}, token);
  ASSERT_EQ(issued.status, 201) << issued.body;
  daemon.next_segment();
  auto path = issued.str("path");
  ASSERT_EQ(app.call("GET", path).status, 200);
  auto seg = daemon.next_segment();
  EXPECT_EQ(seg.at("http").at("request").at("url").as_string(), "/ical/{file}");
  EXPECT_EQ(json::serialize(seg).find(path.substr(6, 43)), std::string::npos) << "the secret is never traced";
}

// S3 and Redis calls made for a request are subsegments of its trace: S3 as the AWS service with its
// operation and status, Redis (the rate limiter's counters) as a remote one.
TEST(XRay, S3AndRedisCallsAreSubsegmentsOfTheRequest) {
  FakeDaemon daemon;
  platform::xray::Tracer tracer({daemon.address(), "cma-itest", 1.0});
  S3Harness s3;
  auto store = s3.store();
  RedisServer redis_server;
  redis::Client redis_client(redis_server.settings());
  redis::RedisRateLimiter limiter(redis_client);
  TestAppOptions o;
  o.tracer = &tracer;
  o.blobs = store.get();
  o.limiter = &limiter;
  o.limits.api_per_user.limit = 100;
  TestApp app(o);
  auto token = app.login(app.advisor_a);
  daemon.next_segment();  // the sign-in's
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "Trace"}, {"lastName", "Able"}}, token);
  ASSERT_EQ(client.status, 201) << client.body;
  daemon.next_segment();
  auto kase = app.post("/api/v1/cases", json::object{{"clientId", client.str("id")}}, token);
  ASSERT_EQ(kase.status, 201) << kase.body;
  daemon.next_segment();

  const std::string boundary = "cma-xray-7d1f";
  const std::string pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  std::string body = "--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\npayslip\r\n--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.pdf\"\r\n" +
                     "Content-Type: application/pdf\r\n\r\n" + pdf + "\r\n--" + boundary + "--\r\n";
  auto up = app.call("POST", "/api/v1/cases/" + kase.str("id") + "/documents", token, body,
                     {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
  ASSERT_EQ(up.status, 201) << up.body;
  auto seg = daemon.next_segment();
  int s3_calls = 0, redis_calls = 0;
  for (const auto* sub : all_subsegments(seg)) {
    if (sub->at("name").as_string() == "S3") {
      ++s3_calls;
      EXPECT_EQ(sub->at("namespace").as_string(), "aws");
      EXPECT_EQ(sub->at("aws").at("operation").as_string(), "PutObject");
      EXPECT_EQ(sub->at("aws").at("region").as_string(), "eu-west-2");
      EXPECT_EQ(sub->at("http").at("request").at("method").as_string(), "PUT");
      EXPECT_EQ(sub->at("http").at("response").at("status").as_int64(), 200);
      EXPECT_FALSE(sub->contains("fault"));
    }
    if (sub->at("name").as_string() == "Redis") {
      ++redis_calls;
      EXPECT_EQ(sub->at("namespace").as_string(), "remote");
      EXPECT_FALSE(sub->contains("fault"));
    }
  }
  EXPECT_EQ(s3_calls, 1) << json::serialize(seg);
  EXPECT_GE(redis_calls, 1) << json::serialize(seg);
}

}  // namespace cma::testing::observability_itest
