#pragma once
// AWS X-Ray: one segment per request, sent to the X-Ray daemon (or a collector speaking its
// protocol) over UDP, with subsegments for what the request waited on (SQL today; S3 and Redis can
// use the same Span). The trace continues the load balancer's X-Amzn-Trace-Id when that header is
// well formed, and a new trace starts otherwise.
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cma::platform::xray {

enum class Sampling { unknown, sampled, not_sampled };

// The fields of an X-Amzn-Trace-Id header this server uses.
struct TraceHeader {
  std::string root;    // 1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx
  std::string parent;  // 16 hex digits, or "" when absent
  Sampling sampled = Sampling::unknown;
};

// Untrusted input: anything malformed (a bad Root, Parent or Sampled, a field repeated, bytes
// outside printable ASCII, more than 512 bytes) gives nullopt, and the caller starts a new trace.
// Fields other than Root, Parent and Sampled (Self, Lineage, …) are skipped if well formed.
std::optional<TraceHeader> parse_trace_header(std::string_view value);
bool valid_trace_id(std::string_view id);
bool valid_segment_id(std::string_view id);

std::string new_trace_id(std::int64_t unix_seconds);  // 1-<time in 8 hex>-<96 random bits in hex>
std::string new_segment_id();                         // 64 random bits in hex

// X-Ray's rule for names: letters, digits, whitespace and _ . : / % & # = + \ - @, 1 to 200 characters.
bool valid_segment_name(std::string_view name);

struct Subsegment {
  std::string id;
  std::string name;
  std::string name_space;  // "remote" for calls to another service, "" for local work
  double start_time = 0;
  double end_time = 0;
  bool fault = false;         // a 5xx or no answer
  bool error = false;         // a 4xx
  std::string aws_operation;  // a call to an AWS service: "PutObject"
  std::string aws_region;
  std::string http_method;  // a call over HTTP, and its status (0: no answer)
  int http_status = 0;
  std::string sql_query;          // sanitized: the statement's text, never its parameters
  std::string sql_database_type;  // "PostgreSQL", "SQLite"
  int parent = -1;                // index of the enclosing subsegment, -1 for the segment itself
};

// One request's segment. Filled in by the server; subsegments are added by Spans on the thread
// that runs the request's handler.
struct Segment {
  static constexpr std::size_t kMaxSubsegments = 200;

  std::string name;
  std::string id;
  std::string trace_id;
  std::string parent_id;  // the caller's segment, "" at the root of a trace
  double start_time = 0;  // seconds since the epoch
  double end_time = 0;
  std::string method;
  std::string url;  // the path only: a query string can hold personal data
  std::string route;
  std::string request_id;
  int status = 0;
  std::int64_t content_length = -1;
  std::vector<Subsegment> subsegments;
  std::size_t subsegments_omitted = 0;
  std::vector<int> open;  // indices of the subsegments begun and not ended, innermost last
};

// The segment document; with subsegments omitted when `with_subsegments` is false.
std::string segment_json(const Segment& segment, bool with_subsegments = true);
// What goes in one UDP datagram to the daemon: the header line, then the segment document.
inline constexpr std::string_view kDaemonHeader = "{\"format\": \"json\", \"version\": 1}\n";
std::string daemon_datagram(const Segment& segment);

double epoch_seconds_now();

// Makes `segment` the one this thread's Spans record into, until the scope ends.
class ActiveSegment {
 public:
  explicit ActiveSegment(Segment* segment);
  ~ActiveSegment();
  ActiveSegment(const ActiveSegment&) = delete;
  ActiveSegment& operator=(const ActiveSegment&) = delete;

 private:
  Segment* previous_;
};

// A subsegment from construction to end() or destruction, nested in the innermost open one. Costs a
// thread-local read when this thread records no segment. The name follows the segment name rule
// (valid_segment_name): X-Ray refuses a document with a name outside it.
class Span {
 public:
  explicit Span(std::string_view name, std::string_view name_space = {});
  ~Span() { end(); }
  Span(const Span&) = delete;
  Span& operator=(const Span&) = delete;

  bool recording() const { return segment_ != nullptr; }
  void set_sql(std::string_view sanitized_query, std::string_view database_type);
  // An AWS service call (namespace "aws"): its operation and region.
  void set_aws(std::string_view operation, std::string_view region);
  // The outgoing HTTP call's method and status: 5xx or 0 (no answer) mark a fault, 4xx an error.
  void set_http(std::string_view method, int status);
  void set_fault();
  void end();

 private:
  Segment* segment_ = nullptr;
  int index_ = -1;
};

struct DaemonAddress {
  std::string host;
  std::string port;
};
// "host:port", "[v6]:port", or the daemon's "udp:host:port tcp:host:port" form (the udp: one is
// used); nullopt when malformed.
std::optional<DaemonAddress> parse_daemon_address(std::string_view address);

// Sends datagrams to the daemon without ever blocking: a non-blocking UDP socket, and a datagram
// that cannot be sent at once is dropped and counted.
class UdpSender {
 public:
  // The host is resolved once, here; throws std::invalid_argument when the address is malformed
  // (see parse_daemon_address) or does not resolve.
  explicit UdpSender(std::string_view address);
  ~UdpSender();
  UdpSender(const UdpSender&) = delete;
  UdpSender& operator=(const UdpSender&) = delete;

  void send(std::string_view datagram);
  std::uint64_t sent() const { return sent_.load(std::memory_order_relaxed); }
  std::uint64_t failed() const { return failed_.load(std::memory_order_relaxed); }

 private:
  int fd_ = -1;
  std::string addr_;  // sockaddr storage
  std::atomic<std::uint64_t> sent_{0};
  std::atomic<std::uint64_t> failed_{0};
};

// Whether an untraced request (no sampling decision from upstream) is traced: the first of each
// second, and a fixed share of the rest (X-Ray's default rule is 1 per second and 5%).
class Sampler {
 public:
  explicit Sampler(double rate) : rate_(rate) {}
  bool sample(std::int64_t unix_seconds);

 private:
  double rate_;
  std::atomic<std::int64_t> reservoir_second_{0};
};

struct TracerOptions {
  std::string daemon_address;  // AWS_XRAY_DAEMON_ADDRESS
  std::string name = "cma";    // AWS_XRAY_TRACING_NAME
  double sampling_rate = 0.05;
};

class Tracer {
 public:
  explicit Tracer(TracerOptions options);  // throws std::invalid_argument for a bad address

  struct Context {
    std::string trace_id;
    std::string parent_id;
    std::string segment_id;
    bool sampled = false;
    // The X-Amzn-Trace-Id the response carries.
    std::string response_header() const;
  };
  // The trace a request belongs to, from its X-Amzn-Trace-Id (possibly absent or malformed).
  Context begin(std::string_view trace_header);
  // A segment for a sampled request, named and identified from `context`.
  Segment new_segment(const Context& context, double start_time) const;
  // Serialises and sends a finished segment; never throws, never blocks.
  void finish(const Segment& segment);

  std::uint64_t sent() const { return sender_.sent(); }
  std::uint64_t failed() const { return sender_.failed(); }
  const std::string& name() const { return options_.name; }

 private:
  TracerOptions options_;
  UdpSender sender_;
  Sampler sampler_;
};

}  // namespace cma::platform::xray
