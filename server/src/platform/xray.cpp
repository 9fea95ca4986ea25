#include "platform/xray.hpp"

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <stdexcept>

#include "platform/crypto.hpp"
#include "platform/log.hpp"

namespace cma::platform::xray {

namespace {

constexpr std::size_t kMaxHeaderBytes = 512;
// The daemon reads datagrams of up to 64 KiB; stay clear of the IP limit.
constexpr std::size_t kMaxDatagramBytes = 63 * 1024;
constexpr std::size_t kMaxSqlBytes = 2000;

bool is_lower_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool valid_key(std::string_view k) {
  return !k.empty() && k.size() <= 64 && std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// Ids need to be unique, not secret: a per-thread generator seeded from the OS keeps the CSPRNG
// off the hot path.
std::uint64_t next_random() {
  thread_local std::mt19937_64 engine = [] {
    std::uint64_t seed = 0;
    auto bytes = random_bytes(sizeof seed);
    std::memcpy(&seed, bytes.data(), sizeof seed);
    return std::mt19937_64(seed);
  }();
  return engine();
}

void append_hex(std::string& out, std::uint64_t v, int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = digits - 1; i >= 0; --i) out += kHex[(v >> (4 * i)) & 0xF];
}

void append_time(std::string& out, double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", seconds);
  out += buf;
}

void append_field(std::string& out, std::string_view key, std::string_view value) {
  log::append_json_string(out, key);
  out += ':';
  log::append_json_string(out, value);
}

void append_subsegments(std::string& out, const Segment& s, int parent) {
  bool first = true;
  for (std::size_t i = 0; i < s.subsegments.size(); ++i) {
    const auto& sub = s.subsegments[i];
    if (sub.parent != parent) continue;
    out += first ? "\"subsegments\":[" : ",";
    first = false;
    out += '{';
    append_field(out, "id", sub.id);
    out += ',';
    append_field(out, "name", sub.name);
    out += ",\"start_time\":";
    append_time(out, sub.start_time);
    out += ",\"end_time\":";
    // A subsegment still open when the segment was sent ends with it.
    append_time(out, sub.end_time > 0 ? sub.end_time : s.end_time);
    if (!sub.name_space.empty()) {
      out += ',';
      append_field(out, "namespace", sub.name_space);
    }
    if (sub.fault) out += ",\"fault\":true";
    if (sub.error) out += ",\"error\":true";
    if (!sub.aws_operation.empty()) {
      out += ",\"aws\":{";
      append_field(out, "operation", sub.aws_operation);
      out += ',';
      append_field(out, "region", sub.aws_region);
      out += '}';
    }
    if (!sub.http_method.empty()) {
      out += ",\"http\":{\"request\":{";
      append_field(out, "method", sub.http_method);
      out += "}";
      if (sub.http_status > 0) out += ",\"response\":{\"status\":" + std::to_string(sub.http_status) + "}";
      out += '}';
    }
    if (!sub.sql_query.empty() || !sub.sql_database_type.empty()) {
      out += ",\"sql\":{";
      append_field(out, "sanitized_query", sub.sql_query);
      out += ',';
      append_field(out, "database_type", sub.sql_database_type);
      out += '}';
    }
    std::string children;
    append_subsegments(children, s, static_cast<int>(i));
    if (!children.empty()) {
      out += ',';
      out += children;
    }
    out += '}';
  }
  if (!first) out += ']';
}

thread_local Segment* t_active = nullptr;

}  // namespace

bool valid_trace_id(std::string_view id) {
  return id.size() == 35 && id.substr(0, 2) == "1-" && id[10] == '-' && is_lower_hex(id.substr(2, 8)) &&
         is_lower_hex(id.substr(11, 24));
}

bool valid_segment_id(std::string_view id) {
  return id.size() == 16 && is_lower_hex(id);
}

std::optional<TraceHeader> parse_trace_header(std::string_view value) {
  if (value.empty() || value.size() > kMaxHeaderBytes) return std::nullopt;
  for (char c : value)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) return std::nullopt;
  TraceHeader h;
  bool have_parent = false, have_sampled = false;
  while (!value.empty()) {
    auto semi = value.find(';');
    auto part = trim_spaces(value.substr(0, semi));
    value = semi == std::string_view::npos ? std::string_view() : value.substr(semi + 1);
    if (part.empty()) continue;
    auto eq = part.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    auto key = part.substr(0, eq);
    auto val = part.substr(eq + 1);
    if (!valid_key(key)) return std::nullopt;
    if (key == "Root") {
      if (!h.root.empty() || !valid_trace_id(val)) return std::nullopt;
      h.root = std::string(val);
    } else if (key == "Parent") {
      if (have_parent || !valid_segment_id(val)) return std::nullopt;
      h.parent = std::string(val);
      have_parent = true;
    } else if (key == "Sampled") {
      if (have_sampled) return std::nullopt;
      if (val == "1")
        h.sampled = Sampling::sampled;
      else if (val == "0")
        h.sampled = Sampling::not_sampled;
      else if (val == "?")
        h.sampled = Sampling::unknown;
      else
        return std::nullopt;
      have_sampled = true;
    }
  }
  if (h.root.empty()) return std::nullopt;
  return h;
}

std::string new_trace_id(std::int64_t unix_seconds) {
  std::string id = "1-";
  id.reserve(35);
  append_hex(id, static_cast<std::uint64_t>(unix_seconds) & 0xFFFFFFFFu, 8);
  id += '-';
  append_hex(id, next_random() & 0xFFFFFFFFu, 8);
  append_hex(id, next_random(), 16);
  return id;
}

std::string new_segment_id() {
  std::string id;
  id.reserve(16);
  append_hex(id, next_random(), 16);
  return id;
}

bool valid_segment_name(std::string_view name) {
  if (name.empty() || name.size() > 200) return false;
  constexpr std::string_view punctuation = "_.:/%&#=+\\-@ \t";
  return std::all_of(name.begin(), name.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           punctuation.find(c) != std::string_view::npos;
  });
}

double epoch_seconds_now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string segment_json(const Segment& s, bool with_subsegments) {
  std::string out;
  out.reserve(512 + (with_subsegments ? s.subsegments.size() * 256 : 0));
  out += '{';
  append_field(out, "name", s.name);
  out += ',';
  append_field(out, "id", s.id);
  out += ',';
  append_field(out, "trace_id", s.trace_id);
  if (!s.parent_id.empty()) {
    out += ',';
    append_field(out, "parent_id", s.parent_id);
  }
  out += ",\"start_time\":";
  append_time(out, s.start_time);
  out += ",\"end_time\":";
  append_time(out, s.end_time);
  out += ",\"http\":{\"request\":{";
  append_field(out, "method", s.method);
  out += ',';
  append_field(out, "url", s.url);
  out += "},\"response\":{\"status\":";
  out += std::to_string(s.status);
  if (s.content_length >= 0) {
    out += ",\"content_length\":";
    out += std::to_string(s.content_length);
  }
  out += "}}";
  if (s.status >= 500) out += ",\"fault\":true";
  if (s.status >= 400 && s.status < 500) out += ",\"error\":true";
  if (s.status == 429) out += ",\"throttle\":true";
  out += ",\"annotations\":{";
  append_field(out, "route", s.route.empty() ? std::string_view("-") : std::string_view(s.route));
  if (!s.request_id.empty()) {
    out += ',';
    append_field(out, "request_id", s.request_id);
  }
  out += '}';
  std::size_t omitted = s.subsegments_omitted + (with_subsegments ? 0 : s.subsegments.size());
  if (omitted > 0) out += ",\"metadata\":{\"cma\":{\"subsegmentsOmitted\":" + std::to_string(omitted) + "}}";
  if (with_subsegments) {
    std::string subs;
    append_subsegments(subs, s, -1);
    if (!subs.empty()) {
      out += ',';
      out += subs;
    }
  }
  out += '}';
  return out;
}

std::string daemon_datagram(const Segment& segment) {
  std::string out(kDaemonHeader);
  out += segment_json(segment, true);
  if (out.size() > kMaxDatagramBytes) {
    out.assign(kDaemonHeader);
    out += segment_json(segment, false);
  }
  return out;
}

ActiveSegment::ActiveSegment(Segment* segment) : previous_(t_active) {
  t_active = segment;
}
ActiveSegment::~ActiveSegment() {
  t_active = previous_;
}

Span::Span(std::string_view name, std::string_view name_space) {
  Segment* s = t_active;
  if (s == nullptr) return;
  if (s->subsegments.size() >= Segment::kMaxSubsegments) {
    ++s->subsegments_omitted;
    return;
  }
  Subsegment sub;
  sub.id = new_segment_id();
  sub.name = std::string(name);
  sub.name_space = std::string(name_space);
  sub.start_time = epoch_seconds_now();
  sub.parent = s->open.empty() ? -1 : s->open.back();
  index_ = static_cast<int>(s->subsegments.size());
  s->subsegments.push_back(std::move(sub));
  s->open.push_back(index_);
  segment_ = s;
}

void Span::set_sql(std::string_view sanitized_query, std::string_view database_type) {
  if (segment_ == nullptr) return;
  auto& sub = segment_->subsegments[static_cast<std::size_t>(index_)];
  sub.sql_query = std::string(sanitized_query.substr(0, kMaxSqlBytes));
  sub.sql_database_type = std::string(database_type);
}

void Span::set_aws(std::string_view operation, std::string_view region) {
  if (segment_ == nullptr) return;
  auto& sub = segment_->subsegments[static_cast<std::size_t>(index_)];
  sub.aws_operation = std::string(operation.substr(0, 64));
  sub.aws_region = std::string(region.substr(0, 64));
}

void Span::set_http(std::string_view method, int status) {
  if (segment_ == nullptr) return;
  auto& sub = segment_->subsegments[static_cast<std::size_t>(index_)];
  sub.http_method = std::string(method.substr(0, 16));
  sub.http_status = status;
  if (status == 0 || status >= 500) sub.fault = true;
  if (status >= 400 && status < 500) sub.error = true;
}

void Span::set_fault() {
  if (segment_ != nullptr) segment_->subsegments[static_cast<std::size_t>(index_)].fault = true;
}

void Span::end() {
  if (segment_ == nullptr) return;
  segment_->subsegments[static_cast<std::size_t>(index_)].end_time = epoch_seconds_now();
  auto& open = segment_->open;
  if (auto it = std::find(open.rbegin(), open.rend(), index_); it != open.rend()) open.erase(std::next(it).base());
  segment_ = nullptr;
}

std::optional<DaemonAddress> parse_daemon_address(std::string_view address) {
  std::string_view target = address;
  // The daemon's two-address form: "tcp:127.0.0.1:2000 udp:127.0.0.2:2001" (either order).
  if (address.find(' ') != std::string_view::npos || address.substr(0, 4) == "udp:" || address.substr(0, 4) == "tcp:") {
    target = {};
    std::string_view rest = address;
    while (!rest.empty()) {
      auto sp = rest.find(' ');
      auto word = rest.substr(0, sp);
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
      if (word.substr(0, 4) == "udp:") target = word.substr(4);
    }
  }
  auto colon = target.rfind(':');
  if (target.empty() || colon == std::string_view::npos || colon == 0 || colon + 1 == target.size())
    return std::nullopt;
  DaemonAddress a{std::string(target.substr(0, colon)), std::string(target.substr(colon + 1))};
  if (a.host.size() > 2 && a.host.front() == '[' && a.host.back() == ']') a.host = a.host.substr(1, a.host.size() - 2);
  if (a.host.size() > 253 || a.port.size() > 5 ||
      !std::all_of(a.port.begin(), a.port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      std::stoi(a.port) < 1 || std::stoi(a.port) > 65535)
    return std::nullopt;
  for (char c : a.host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '_'))
      return std::nullopt;
  return a;
}

UdpSender::UdpSender(std::string_view address) {
  auto parsed = parse_daemon_address(address);
  if (!parsed) throw std::invalid_argument("must be host:port");
  const std::string& host = parsed->host;
  const std::string& port = parsed->port;
  addrinfo hints{};
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &found); rc != 0 || found == nullptr)
    throw std::invalid_argument("cannot resolve " + host + ": " + ::gai_strerror(rc));
  addr_.assign(reinterpret_cast<const char*>(found->ai_addr), found->ai_addrlen);
  int family = found->ai_family;
  ::freeaddrinfo(found);
  fd_ = ::socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw std::invalid_argument("cannot open a UDP socket");
}

UdpSender::~UdpSender() {
  if (fd_ >= 0) ::close(fd_);
}

void UdpSender::send(std::string_view datagram) {
  auto n = ::sendto(fd_, datagram.data(), datagram.size(), MSG_DONTWAIT | MSG_NOSIGNAL,
                    reinterpret_cast<const sockaddr*>(addr_.data()), static_cast<socklen_t>(addr_.size()));
  if (n == static_cast<ssize_t>(datagram.size()))
    sent_.fetch_add(1, std::memory_order_relaxed);
  else
    failed_.fetch_add(1, std::memory_order_relaxed);
}

bool Sampler::sample(std::int64_t unix_seconds) {
  auto seen = reservoir_second_.load(std::memory_order_relaxed);
  if (seen != unix_seconds && reservoir_second_.compare_exchange_strong(seen, unix_seconds)) return true;
  if (rate_ <= 0) return false;
  if (rate_ >= 1) return true;
  return static_cast<double>(next_random() >> 11) * 0x1.0p-53 < rate_;
}

std::string Tracer::Context::response_header() const {
  return "Root=" + trace_id + ";Sampled=" + (sampled ? "1" : "0");
}

Tracer::Tracer(TracerOptions options)
    : options_(std::move(options)), sender_(options_.daemon_address), sampler_(options_.sampling_rate) {}

Tracer::Context Tracer::begin(std::string_view trace_header) {
  Context c;
  auto now = static_cast<std::int64_t>(epoch_seconds_now());
  if (auto h = parse_trace_header(trace_header)) {
    c.trace_id = std::move(h->root);
    c.parent_id = std::move(h->parent);
    c.sampled = h->sampled == Sampling::sampled || (h->sampled == Sampling::unknown && sampler_.sample(now));
  } else {
    c.trace_id = new_trace_id(now);
    c.sampled = sampler_.sample(now);
  }
  c.segment_id = new_segment_id();
  return c;
}

Segment Tracer::new_segment(const Context& context, double start_time) const {
  Segment s;
  s.name = options_.name;
  s.id = context.segment_id;
  s.trace_id = context.trace_id;
  s.parent_id = context.parent_id;
  s.start_time = start_time;
  return s;
}

void Tracer::finish(const Segment& segment) {
  try {
    sender_.send(daemon_datagram(segment));
  } catch (...) {
    // Tracing must never fail a request; a segment that cannot be built is simply not sent.
  }
}

}  // namespace cma::platform::xray
