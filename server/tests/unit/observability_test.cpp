// Metrics, EMF lines and X-Ray segments, without a server: the formats against what Prometheus,
// CloudWatch and the X-Ray daemon expect, and the trace header against hostile input.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <thread>

#include "jobs/worker.hpp"
#include "platform/config.hpp"
#include "platform/emf.hpp"
#include "platform/metrics.hpp"
#include "platform/xray.hpp"

namespace cma::platform {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr const char* kRoot = "1-5759e988-bd862e3fe1be46a994272793";
constexpr const char* kParent = "53995c3f42cd8ad8";

// --- X-Amzn-Trace-Id ---------------------------------------------------------------------------

TEST(TraceHeader, ReadsTheLoadBalancersHeader) {
  auto h = xray::parse_trace_header(std::string("Root=") + kRoot + ";Parent=" + kParent + ";Sampled=1");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->root, kRoot);
  EXPECT_EQ(h->parent, kParent);
  EXPECT_EQ(h->sampled, xray::Sampling::sampled);

  h = xray::parse_trace_header(std::string("Root=") + kRoot);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->parent, "");
  EXPECT_EQ(h->sampled, xray::Sampling::unknown);

  h = xray::parse_trace_header(std::string("Self=1-67891234-12456789abcdef012345678;Root=") + kRoot +
                               "; Sampled=0;Lineage=a87bd80c:1|68fd508a:5;");
  ASSERT_TRUE(h) << "other fields are skipped, spaces after ';' and a trailing ';' allowed";
  EXPECT_EQ(h->sampled, xray::Sampling::not_sampled);
  EXPECT_EQ(xray::parse_trace_header(std::string("Root=") + kRoot + ";Sampled=?")->sampled, xray::Sampling::unknown);
}

TEST(TraceHeader, RefusesAnythingMalformed) {
  const std::string root = std::string("Root=") + kRoot;
  for (const std::string& bad : std::vector<std::string>{
           "",
           ";",
           "Sampled=1",                                  // no Root
           "Root=1-5759e988-bd862e3fe1be46a99427279",    // one digit short
           "Root=1-5759e988-bd862e3fe1be46a9942727933",  // one too many
           "Root=2-5759e988-bd862e3fe1be46a994272793",   // unknown version
           "Root=1-5759E988-bd862e3fe1be46a994272793",   // upper case
           "Root=1-5759e988_bd862e3fe1be46a994272793",   // wrong separator
           "Root=1-5759e98g-bd862e3fe1be46a994272793",   // not hex
           root + ";Root=" + kRoot,                      // repeated
           root + ";Parent=53995c3f42cd8ad",             // short parent
           root + ";Parent=53995c3f42cd8ad8;Parent=53995c3f42cd8ad8",
           root + ";Sampled=yes",
           root + ";Sampled=1;Sampled=1",
           root + ";Parent",                         // no '='
           root + ";=1",                             // no key
           root + ";Ke y=1",                         // bad key
           root + ";Self=\x01",                      // control character
           root + ";Self=\xff\xfe",                  // not UTF-8
           root + ";Self=caf\xc3\xa9",               // UTF-8, but not ASCII
           root + ";Self=" + std::string(600, 'a'),  // too long
           std::string("Root=") + kRoot + std::string("\0", 1),
       }) {
    EXPECT_FALSE(xray::parse_trace_header(bad)) << bad;
  }
}

TEST(TraceHeader, SurvivesArbitraryBytes) {
  std::mt19937 rng(20261130);  // fixed: the same inputs every run
  const std::string valid = std::string("Root=") + kRoot + ";Parent=" + kParent + ";Sampled=1";
  for (int i = 0; i < 20000; ++i) {
    std::string s = valid;
    // Mutate a well-formed header at a few places, or make one from scratch.
    if (i % 4 == 0) s.assign(rng() % 700, '\0');
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !s.empty(); ++e) s[rng() % s.size()] = static_cast<char>(rng() % 256);
    if (i % 4 == 0)
      for (auto& c : s) c = static_cast<char>(rng() % 256);
    auto h = xray::parse_trace_header(s);
    if (h) {
      EXPECT_TRUE(xray::valid_trace_id(h->root)) << h->root;
      EXPECT_TRUE(h->parent.empty() || xray::valid_segment_id(h->parent));
    }
  }
}

TEST(TraceIds, NewIdsAreWellFormedAndDistinct) {
  std::set<std::string> traces, segments;
  for (int i = 0; i < 1000; ++i) {
    auto t = xray::new_trace_id(0x5759e988);
    ASSERT_TRUE(xray::valid_trace_id(t)) << t;
    EXPECT_EQ(t.substr(0, 11), "1-5759e988-");
    traces.insert(t);
    auto s = xray::new_segment_id();
    ASSERT_TRUE(xray::valid_segment_id(s)) << s;
    segments.insert(s);
  }
  EXPECT_EQ(traces.size(), 1000u);
  EXPECT_EQ(segments.size(), 1000u);
}

TEST(Tracer, ContinuesAWellFormedTraceAndStartsANewOneOtherwise) {
  xray::Tracer tracer({"127.0.0.1:9", "cma-test", 1.0});
  auto c = tracer.begin(std::string("Root=") + kRoot + ";Parent=" + kParent + ";Sampled=1");
  EXPECT_EQ(c.trace_id, kRoot);
  EXPECT_EQ(c.parent_id, kParent);
  EXPECT_TRUE(c.sampled);
  EXPECT_TRUE(xray::valid_segment_id(c.segment_id));
  EXPECT_EQ(c.response_header(), std::string("Root=") + kRoot + ";Sampled=1");

  EXPECT_FALSE(tracer.begin(std::string("Root=") + kRoot + ";Sampled=0").sampled) << "upstream said no";

  for (const char* bad : {"", "Root=nonsense;Parent=53995c3f42cd8ad8;Sampled=1", "Root=1-\xff"}) {
    auto n = tracer.begin(bad);
    EXPECT_TRUE(xray::valid_trace_id(n.trace_id)) << n.trace_id;
    EXPECT_NE(n.trace_id, kRoot);
    EXPECT_EQ(n.parent_id, "") << "a malformed header's Parent is not trusted either";
    EXPECT_TRUE(n.sampled) << "rate 1: every new trace is sampled";
  }

  xray::Tracer never({"127.0.0.1:9", "cma-test", 0.0});
  EXPECT_TRUE(never.begin("").sampled) << "the first trace of a second is always taken";
  int sampled = 0;
  for (int i = 0; i < 100; ++i) sampled += never.begin("").sampled ? 1 : 0;
  EXPECT_LE(sampled, 1) << "rate 0: nothing beyond one a second";
  EXPECT_TRUE(never.begin(std::string("Root=") + kRoot + ";Sampled=1").sampled) << "upstream said yes";
}

TEST(Config, ObservabilitySettingsAreChecked) {
  auto load = [](std::map<std::string, std::string> env, Config& c) {
    return load_config(
        [env](const std::string& n) -> std::optional<std::string> {
          auto it = env.find(n);
          if (it == env.end()) return std::nullopt;
          return it->second;
        },
        {}, false, c);
  };
  Config c;
  ASSERT_FALSE(load({{"METRICS_TOKEN", std::string(32, 'm')},
                     {"CMA_EMF", "1"},
                     {"CMA_EMF_INTERVAL_SECONDS", "15"},
                     {"CMA_ENVIRONMENT", "staging"},
                     {"AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000"},
                     {"AWS_XRAY_TRACING_NAME", "cma-api"},
                     {"CMA_XRAY_SAMPLING_RATE", "0.5"}},
                    c));
  EXPECT_EQ(c.metrics_token, std::string(32, 'm'));
  EXPECT_TRUE(c.emf);
  EXPECT_EQ(c.emf_interval_seconds, 15);
  EXPECT_EQ(c.emf_namespace, "CMA");
  EXPECT_EQ(c.environment, "staging");
  EXPECT_EQ(c.xray_daemon_address, "127.0.0.1:2000");
  EXPECT_EQ(c.xray_tracing_name, "cma-api");
  EXPECT_DOUBLE_EQ(c.xray_sampling_rate, 0.5);

  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"METRICS_TOKEN", "short"},
           {"METRICS_TOKEN", std::string(31, 'm') + " "},
           {"CMA_EMF", "yes"},
           {"CMA_EMF_INTERVAL_SECONDS", "0"},
           {"CMA_EMF_NAMESPACE", "AWS/ApplicationELB"},
           {"CMA_EMF_NAMESPACE", "with space"},
           {"AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1"},
           {"AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:99999"},
           {"AWS_XRAY_DAEMON_ADDRESS", "tcp:127.0.0.1:2000"},
           {"AWS_XRAY_TRACING_NAME", "cma;drop"},
           {"CMA_XRAY_SAMPLING_RATE", "1.5"},
           {"CMA_XRAY_SAMPLING_RATE", "half"},
       }) {
    Config bad;
    auto err = load({{name, value}}, bad);
    ASSERT_TRUE(err) << name << "=" << value;
    EXPECT_EQ(err->variable, name);
  }
}

TEST(DaemonAddress, AcceptsTheFormsTheDaemonUses) {
  auto a = xray::parse_daemon_address("127.0.0.1:2000");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, "2000");
  a = xray::parse_daemon_address("tcp:127.0.0.1:2000 udp:xray-daemon:2001");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->host, "xray-daemon");
  EXPECT_EQ(a->port, "2001");
  a = xray::parse_daemon_address("[::1]:2000");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->host, "::1");
  for (const char* bad : {"", ":2000", "host:", "host:0", "host:abc", "ho st:2000", "tcp:127.0.0.1:2000"})
    EXPECT_FALSE(xray::parse_daemon_address(bad)) << bad;
}

// --- Segments ----------------------------------------------------------------------------------

xray::Segment sample_segment() {
  xray::Segment s;
  s.name = "cma";
  s.id = "70de5b6f19ff9a0a";
  s.trace_id = kRoot;
  s.parent_id = kParent;
  s.start_time = 1700000000.25;
  s.end_time = 1700000000.5;
  s.method = "GET";
  s.url = "/api/v1/cases/0190-abc";
  s.route = "/api/v1/cases/{id}";
  s.request_id = "req-1";
  s.status = 503;
  s.content_length = 42;
  return s;
}

TEST(Segment, SpansNestAndBecomeSubsegments) {
  auto seg = sample_segment();
  {
    xray::Span outside("not recorded");
    EXPECT_FALSE(outside.recording()) << "no active segment on this thread";
  }
  {
    xray::ActiveSegment active(&seg);
    xray::Span tx("transaction.write");
    {
      xray::Span q("PostgreSQL", "remote");
      EXPECT_TRUE(q.recording());
      q.set_sql("SELECT id FROM cases WHERE id = $1", "PostgreSQL");
    }
    {
      xray::Span q("PostgreSQL", "remote");
      q.set_sql("COMMIT", "PostgreSQL");
      q.set_fault();
    }
  }
  xray::Span after("not recorded either");
  EXPECT_FALSE(after.recording()) << "the scope ended";
  ASSERT_EQ(seg.subsegments.size(), 3u);
  EXPECT_TRUE(seg.open.empty());

  auto doc = json::parse(xray::segment_json(seg)).as_object();
  EXPECT_EQ(doc.at("name").as_string(), "cma");
  EXPECT_EQ(doc.at("id").as_string(), "70de5b6f19ff9a0a");
  EXPECT_EQ(doc.at("trace_id").as_string(), kRoot);
  EXPECT_EQ(doc.at("parent_id").as_string(), kParent);
  EXPECT_DOUBLE_EQ(doc.at("start_time").to_number<double>(), 1700000000.25);
  EXPECT_EQ(doc.at("http").at("request").at("method").as_string(), "GET");
  EXPECT_EQ(doc.at("http").at("request").at("url").as_string(), "/api/v1/cases/0190-abc");
  EXPECT_EQ(doc.at("http").at("response").at("status").as_int64(), 503);
  EXPECT_EQ(doc.at("http").at("response").at("content_length").as_int64(), 42);
  EXPECT_TRUE(doc.at("fault").as_bool());
  EXPECT_FALSE(doc.contains("error"));
  EXPECT_EQ(doc.at("annotations").at("route").as_string(), "/api/v1/cases/{id}");

  auto& subs = doc.at("subsegments").as_array();
  ASSERT_EQ(subs.size(), 1u) << "the statements sit inside the transaction";
  auto& tx = subs[0].as_object();
  EXPECT_EQ(tx.at("name").as_string(), "transaction.write");
  EXPECT_FALSE(tx.contains("namespace"));
  auto& statements = tx.at("subsegments").as_array();
  ASSERT_EQ(statements.size(), 2u);
  auto& first = statements[0].as_object();
  EXPECT_EQ(first.at("namespace").as_string(), "remote");
  EXPECT_EQ(first.at("sql").at("sanitized_query").as_string(), "SELECT id FROM cases WHERE id = $1");
  EXPECT_EQ(first.at("sql").at("database_type").as_string(), "PostgreSQL");
  EXPECT_TRUE(xray::valid_segment_id(first.at("id").as_string()));
  EXPECT_FALSE(xray::valid_segment_name("transaction (write)")) << "X-Ray's name rule has no parentheses";
  EXPECT_LE(tx.at("start_time").to_number<double>(), first.at("start_time").to_number<double>());
  EXPECT_LE(first.at("start_time").to_number<double>(), first.at("end_time").to_number<double>());
  EXPECT_TRUE(statements[1].as_object().at("fault").as_bool());
}

TEST(Segment, ClientErrorsAndThrottlingAreFlagged) {
  auto seg = sample_segment();
  seg.status = 429;
  seg.parent_id.clear();
  auto doc = json::parse(xray::segment_json(seg)).as_object();
  EXPECT_TRUE(doc.at("error").as_bool());
  EXPECT_TRUE(doc.at("throttle").as_bool());
  EXPECT_FALSE(doc.contains("fault"));
  EXPECT_FALSE(doc.contains("parent_id")) << "the root of a trace has no parent";
}

TEST(Segment, DatagramIsTheHeaderLineThenTheDocumentAndStaysUnder64KiB) {
  auto seg = sample_segment();
  {
    xray::ActiveSegment active(&seg);
    for (std::size_t i = 0; i < xray::Segment::kMaxSubsegments + 5; ++i) {
      xray::Span q("SQLite", "remote");
      q.set_sql(std::string(400, 'x'), "SQLite");
    }
  }
  EXPECT_EQ(seg.subsegments.size(), xray::Segment::kMaxSubsegments);
  EXPECT_EQ(seg.subsegments_omitted, 5u);

  auto datagram = xray::daemon_datagram(seg);
  ASSERT_EQ(datagram.rfind(xray::kDaemonHeader, 0), 0u);
  EXPECT_EQ(std::string(xray::kDaemonHeader), "{\"format\": \"json\", \"version\": 1}\n");
  EXPECT_LT(datagram.size(), 64u * 1024);
  auto doc = json::parse(datagram.substr(xray::kDaemonHeader.size())).as_object();
  EXPECT_FALSE(doc.contains("subsegments")) << "too large with them: sent without";
  EXPECT_EQ(doc.at("metadata").at("cma").at("subsegmentsOmitted").as_int64(),
            static_cast<std::int64_t>(xray::Segment::kMaxSubsegments + 5));
}

TEST(UdpSender, DeliversDatagramsToTheDaemonAddress) {
  int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  {
    xray::UdpSender sender("127.0.0.1:" + std::to_string(ntohs(addr.sin_port)));
    sender.send("hello daemon");
    EXPECT_EQ(sender.sent(), 1u);
    pollfd p{fd, POLLIN, 0};
    ASSERT_EQ(::poll(&p, 1, 5000), 1);
    char buf[64];
    auto n = ::recv(fd, buf, sizeof buf, 0);
    EXPECT_EQ(std::string(buf, static_cast<std::size_t>(n)), "hello daemon");
  }
  ::close(fd);
  EXPECT_THROW(xray::UdpSender("no-such-host.invalid:2000"), std::invalid_argument);
}

// --- Prometheus --------------------------------------------------------------------------------

TEST(Prometheus, CountsAndHistogramsByRouteTemplateAndStatusClass) {
  metrics::RequestMetrics m;
  m.record("GET", "/api/v1/cases/{id}", 200, 3ms);
  m.record("GET", "/api/v1/cases/{id}", 204, 30ms);
  m.record("GET", "/api/v1/cases/{id}", 404, 7s);
  m.record("BREW", "/api/v1/cases/{id}", 405, 1ms);
  m.record("POST", "/api/v1/cases", 201, 500us);
  auto text = metrics::prometheus_text(
      m.snapshot(), {{"cma_http_open_connections", "Open connections.", "gauge", [] { return 3.0; }}});

  auto has = [&text](const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
  };
  EXPECT_TRUE(has("# TYPE cma_http_requests_total counter")) << text;
  EXPECT_TRUE(has("cma_http_requests_total{method=\"GET\",route=\"/api/v1/cases/{id}\",status=\"2xx\"} 2")) << text;
  EXPECT_TRUE(has("cma_http_requests_total{method=\"GET\",route=\"/api/v1/cases/{id}\",status=\"4xx\"} 1")) << text;
  EXPECT_TRUE(has("cma_http_requests_total{method=\"OTHER\",route=\"/api/v1/cases/{id}\",status=\"4xx\"} 1"))
      << "an unknown method is one label value, whatever it was: " << text;
  EXPECT_TRUE(has("cma_http_requests_total{method=\"POST\",route=\"/api/v1/cases\",status=\"2xx\"} 1")) << text;
  EXPECT_TRUE(has("# TYPE cma_http_request_duration_seconds histogram"));
  const std::string get2xx = "method=\"GET\",route=\"/api/v1/cases/{id}\",status=\"2xx\"";
  EXPECT_TRUE(has("cma_http_request_duration_seconds_bucket{" + get2xx + ",le=\"0.001\"} 0")) << text;
  EXPECT_TRUE(has("cma_http_request_duration_seconds_bucket{" + get2xx + ",le=\"0.005\"} 1")) << text;
  EXPECT_TRUE(has("cma_http_request_duration_seconds_bucket{" + get2xx + ",le=\"0.025\"} 1")) << text;
  EXPECT_TRUE(has("cma_http_request_duration_seconds_bucket{" + get2xx + ",le=\"0.05\"} 2")) << text;
  EXPECT_TRUE(has("cma_http_request_duration_seconds_bucket{" + get2xx + ",le=\"+Inf\"} 2")) << text;
  EXPECT_TRUE(has("cma_http_request_duration_seconds_sum{" + get2xx + "} 0.033000000000000002") ||
              has("cma_http_request_duration_seconds_sum{" + get2xx + "} 0.033"))
      << text;
  EXPECT_TRUE(has("cma_http_request_duration_seconds_count{" + get2xx + "} 2")) << text;
  const std::string get4xx = "method=\"GET\",route=\"/api/v1/cases/{id}\",status=\"4xx\"";
  EXPECT_TRUE(has("cma_http_request_duration_seconds_bucket{" + get4xx + ",le=\"5\"} 0")) << "7 s is above 5 s";
  EXPECT_TRUE(has("cma_http_request_duration_seconds_bucket{" + get4xx + ",le=\"+Inf\"} 1"));
  EXPECT_TRUE(has("# TYPE cma_http_open_connections gauge"));
  EXPECT_TRUE(has("cma_http_open_connections 3"));
  EXPECT_EQ(text.find("BREW"), std::string::npos);
  EXPECT_EQ(text.back(), '\n');
}

TEST(Prometheus, LabelValuesAreEscaped) {
  EXPECT_EQ(metrics::escape_label_value("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
  metrics::RequestMetrics m;
  m.record("GET", "/odd\"route", 200, 1ms);
  EXPECT_NE(metrics::prometheus_text(m.snapshot(), {}).find("route=\"/odd\\\"route\""), std::string::npos);
}

TEST(Prometheus, ThreadsRecordApartAndAreSummedOnRead) {
  metrics::RequestMetrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&m, t] {
      for (int i = 0; i < 5000; ++i) m.record("GET", i % 2 ? "/a" : "/b/{id}", 200 + 100 * (t % 4), 2ms);
    });
  // Read while they write: totals only ever grow.
  std::uint64_t last = 0;
  for (int i = 0; i < 50; ++i) {
    std::uint64_t total = 0;
    for (const auto& t : m.snapshot()) total += t.count;
    EXPECT_GE(total, last);
    last = total;
  }
  for (auto& t : threads) t.join();
  std::uint64_t total = 0;
  for (const auto& t : m.snapshot()) {
    total += t.count;
    EXPECT_EQ(t.count, 2500u) << t.route << " " << t.status_class;
    EXPECT_EQ(t.buckets[1], 2500u) << "2 ms falls in the (1 ms, 2.5 ms] bucket";
  }
  EXPECT_EQ(total, 20000u);
}

TEST(Prometheus, QuantilesAreEstimatedWithinTheirBucket) {
  std::array<std::uint64_t, metrics::kLatencyBuckets.size() + 1> b{};
  EXPECT_EQ(metrics::estimate_quantile(b, 0.5), 0.0);
  b[4] = 10;  // ten observations in (10 ms, 25 ms]
  EXPECT_NEAR(metrics::estimate_quantile(b, 0.5), 0.0175, 1e-9);
  EXPECT_NEAR(metrics::estimate_quantile(b, 1.0), 0.025, 1e-9);
  b[metrics::kLatencyBuckets.size()] = 90;  // and ninety above the last bound
  EXPECT_EQ(metrics::estimate_quantile(b, 0.99), metrics::kLatencyBuckets.back());
}

// --- EMF ---------------------------------------------------------------------------------------

TEST(Emf, LineFollowsTheSpecification) {
  emf::Record r;
  r.dimensions = {{"Route", "GET /api/v1/cases/{id}"}};
  r.metrics = {{"Requests", emf::Unit::count, 12}, {"LatencyAverage", emf::Unit::milliseconds, 4.5}};
  auto line = emf::format_line("CMA", {{"Environment", "staging"}}, r, 1700000000123);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto doc = json::parse(line).as_object();
  auto& aws = doc.at("_aws").as_object();
  EXPECT_EQ(aws.at("Timestamp").as_int64(), 1700000000123);
  auto& directives = aws.at("CloudWatchMetrics").as_array();
  ASSERT_EQ(directives.size(), 1u);
  auto& d = directives[0].as_object();
  EXPECT_EQ(d.at("Namespace").as_string(), "CMA");
  EXPECT_EQ(json::serialize(d.at("Dimensions")), R"([["Environment"],["Environment","Route"]])");
  EXPECT_EQ(json::serialize(d.at("Metrics")),
            R"([{"Name":"Requests","Unit":"Count"},{"Name":"LatencyAverage","Unit":"Milliseconds"}])");
  // Every dimension and metric the directive names is a member of the root, of the right type.
  EXPECT_EQ(doc.at("Environment").as_string(), "staging");
  EXPECT_EQ(doc.at("Route").as_string(), "GET /api/v1/cases/{id}");
  EXPECT_EQ(doc.at("Requests").to_number<double>(), 12);
  EXPECT_EQ(doc.at("LatencyAverage").to_number<double>(), 4.5);

  auto bare = json::parse(emf::format_line("CMA", {}, r, 1)).as_object();
  EXPECT_EQ(json::serialize(bare.at("_aws").at("CloudWatchMetrics").at(0).at("Dimensions")), R"([["Route"]])");
  EXPECT_EQ(emf::format_line("CMA", {}, emf::Record{}, 1), "") << "no metrics, no line";
}

TEST(Emf, RequestMetricsAreReportedPerIntervalAndRoute) {
  metrics::RequestMetrics m;
  auto source = emf::request_metrics_source(m);
  EXPECT_TRUE(source().empty()) << "nothing yet";
  m.record("GET", "/api/v1/cases/{id}", 200, 10ms);
  m.record("GET", "/api/v1/cases/{id}", 404, 20ms);
  m.record("GET", "/api/v1/cases/{id}", 500, 30ms);
  m.record("POST", "/api/v1/cases", 201, 1ms);

  auto value = [](const emf::Record& r, const std::string& name) {
    for (const auto& metric : r.metrics)
      if (metric.name == name) return metric.value;
    ADD_FAILURE() << "no " << name;
    return -1.0;
  };
  auto first = source();
  ASSERT_EQ(first.size(), 2u) << "one line per route";
  const emf::Record* get = nullptr;
  for (const auto& r : first)
    if (r.dimensions.at(0).second == "GET /api/v1/cases/{id}") get = &r;
  ASSERT_TRUE(get);
  EXPECT_EQ(value(*get, "Requests"), 3);
  EXPECT_EQ(value(*get, "ClientErrors"), 1);
  EXPECT_EQ(value(*get, "ServerErrors"), 1);
  EXPECT_NEAR(value(*get, "LatencyAverage"), 20, 1e-6);
  EXPECT_GT(value(*get, "LatencyP99"), 25);  // the 30 ms request lies in (25 ms, 50 ms]
  EXPECT_LE(value(*get, "LatencyP99"), 50);

  EXPECT_TRUE(source().empty()) << "an interval without requests writes no line";
  m.record("GET", "/api/v1/cases/{id}", 200, 10ms);
  auto third = source();
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(value(third[0], "Requests"), 1) << "the interval's own count, not the total";
  EXPECT_EQ(value(third[0], "ServerErrors"), 0);
}

TEST(Emf, EmitterWritesOneLinePerRecordPerInterval) {
  metrics::RequestMetrics m;
  std::vector<std::string> lines;
  emf::Emitter emitter(
      {"CMA", {{"Environment", "test"}}, std::chrono::hours(1)},
      [&lines](std::string_view l) { lines.emplace_back(l); }, [] { return std::int64_t{42}; });
  emitter.add_source(emf::request_metrics_source(m));
  int job_calls = 0;
  emitter.add_source([&job_calls] {  // a second source, as the worker's job figures are
    ++job_calls;
    return std::vector<emf::Record>{{{}, {{"QueueDepth", emf::Unit::count, 7}}}};
  });
  for (int i = 0; i < 100; ++i) m.record("GET", "/health", 200, 1ms);
  EXPECT_EQ(emitter.emit(), 2u);
  ASSERT_EQ(lines.size(), 2u) << "a hundred requests, one line";
  auto doc = json::parse(lines[0]).as_object();
  EXPECT_EQ(doc.at("Requests").to_number<double>(), 100);
  EXPECT_EQ(doc.at("_aws").at("Timestamp").as_int64(), 42);
  auto queue = json::parse(lines[1]).as_object();
  EXPECT_EQ(queue.at("QueueDepth").to_number<double>(), 7);
  EXPECT_EQ(json::serialize(queue.at("_aws").at("CloudWatchMetrics").at(0).at("Dimensions")), R"([["Environment"]])");

  emitter.start();
  emitter.stop();  // writes the last (here empty for requests) interval
  EXPECT_EQ(job_calls, 2);
  EXPECT_EQ(lines.size(), 3u);
}

TEST(Emf, JobFiguresAreTheIntervalsOutcomesAndTheQueueDepthTheAlarmsRead) {
  jobs::JobOutcomes outcomes;
  std::optional<double> depth = 12;
  auto source = jobs::job_metrics_source(outcomes, [&depth] { return depth; });
  auto figures = [&source] {
    auto records = source();
    EXPECT_EQ(records.size(), 1u);
    std::map<std::string, double> out;
    for (const auto& m : records.at(0).metrics) out[m.name] = m.value;
    EXPECT_TRUE(records.at(0).dimensions.empty()) << "read per Environment, as the alarms ask";
    auto line = json::parse(emf::format_line("CMA", {{"Environment", "production"}}, records.at(0), 1)).as_object();
    EXPECT_EQ(json::serialize(line.at("_aws").at("CloudWatchMetrics").at(0).at("Dimensions")), R"([["Environment"]])");
    return out;
  };
  outcomes.done += 5;
  outcomes.retried += 2;
  outcomes.dead += 1;
  auto first = figures();
  EXPECT_EQ(first["JobsSucceeded"], 5);
  EXPECT_EQ(first["JobsFailed"], 3) << "retried and dead attempts both failed";
  EXPECT_EQ(first["JobsDead"], 1);
  EXPECT_EQ(first["JobsReleased"], 0);
  EXPECT_EQ(first["QueueDepth"], 12);

  outcomes.done += 1;
  outcomes.released += 4;
  depth = std::nullopt;  // the queue could not be read: no figure rather than a wrong one
  auto second = figures();
  EXPECT_EQ(second["JobsSucceeded"], 1) << "the interval's, not the process's total";
  EXPECT_EQ(second["JobsFailed"], 0);
  EXPECT_EQ(second["JobsDead"], 0);
  EXPECT_EQ(second["JobsReleased"], 4);
  EXPECT_EQ(second.count("QueueDepth"), 0u);
}

}  // namespace
}  // namespace cma::platform
