#include "platform/metrics.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <map>
#include <mutex>
#include <tuple>
#include <unordered_map>

namespace cma::platform::metrics {

namespace {

constexpr std::array<std::string_view, 8> kMethods = {"GET",   "HEAD",   "POST",    "PUT",
                                                      "PATCH", "DELETE", "OPTIONS", "OTHER"};

std::size_t method_index(std::string_view method) {
  for (std::size_t i = 0; i + 1 < kMethods.size(); ++i)
    if (kMethods[i] == method) return i;
  return kMethods.size() - 1;
}

std::size_t bucket_index(double seconds) {
  for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i)
    if (seconds <= kLatencyBuckets[i]) return i;
  return kLatencyBuckets.size();
}

// One status class of one (method, route) on one thread. Only the owning thread writes, so a plain
// load and store replaces a locked read-modify-write; readers on other threads see whole values.
struct Cells {
  std::array<std::atomic<std::uint64_t>, kLatencyBuckets.size() + 1> buckets{};
  std::atomic<std::uint64_t> sum_ns{0};

  static void bump(std::atomic<std::uint64_t>& cell, std::uint64_t by) {
    cell.store(cell.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
  }
};

struct RouteCells {
  std::string route;
  std::array<std::array<Cells, kStatusClasses>, kMethods.size()> by_method{};
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The routes one thread has recorded. The owner reads the map without a lock (it is the only
// writer); it inserts, and readers iterate, under `mu`.
struct Shard {
  std::mutex mu;
  std::unordered_map<std::string, std::unique_ptr<RouteCells>, StringHash, std::equal_to<>> routes;
};

std::atomic<std::uint64_t> g_next_registry_id{1};

// Each thread remembers its shard in the last few registries it recorded to. Registries are known by
// an id that is never reused, so an entry left by a destroyed registry can never match a new one.
struct ThreadShard {
  std::uint64_t registry = 0;
  Shard* shard = nullptr;
};
constexpr std::size_t kRememberedRegistries = 4;
thread_local std::array<ThreadShard, kRememberedRegistries> t_shards{};
thread_local std::size_t t_next_slot = 0;

void append_double(std::string& out, double v) {
  if (std::isinf(v)) {
    out += v > 0 ? "+Inf" : "-Inf";
    return;
  }
  char buf[40];
  // The shortest text that reads back as the same double: 0.05, not 0.050000000000000003.
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, ec == std::errc() ? static_cast<std::size_t>(end - buf) : 0);
}

}  // namespace

struct RequestMetrics::Impl {
  std::uint64_t id = g_next_registry_id.fetch_add(1);
  mutable std::mutex mu;
  std::vector<std::unique_ptr<Shard>> shards;

  Shard& shard_for_this_thread() {
    for (const auto& t : t_shards)
      if (t.registry == id) return *t.shard;
    std::lock_guard lock(mu);
    shards.push_back(std::make_unique<Shard>());
    auto& slot = t_shards[t_next_slot++ % kRememberedRegistries];
    slot = ThreadShard{id, shards.back().get()};
    return *slot.shard;
  }
};

std::string_view method_label(std::string_view method) {
  return kMethods[method_index(method)];
}

RequestMetrics::RequestMetrics() : impl_(std::make_unique<Impl>()) {}
RequestMetrics::~RequestMetrics() = default;

void RequestMetrics::record(std::string_view method, std::string_view route, int status,
                            std::chrono::nanoseconds duration) {
  Shard& shard = impl_->shard_for_this_thread();
  auto it = shard.routes.find(route);
  if (it == shard.routes.end()) {
    auto cells = std::make_unique<RouteCells>();
    cells->route = std::string(route);
    std::lock_guard lock(shard.mu);
    it = shard.routes.emplace(std::string(route), std::move(cells)).first;
  }
  int status_class = std::clamp(status / 100, 1, static_cast<int>(kStatusClasses));
  auto& cells = it->second->by_method[method_index(method)][static_cast<std::size_t>(status_class - 1)];
  auto ns = std::max<std::int64_t>(0, duration.count());
  Cells::bump(cells.buckets[bucket_index(static_cast<double>(ns) / 1e9)], 1);
  Cells::bump(cells.sum_ns, static_cast<std::uint64_t>(ns));
}

std::vector<RouteTotals> RequestMetrics::snapshot() const {
  std::vector<Shard*> shards;
  {
    std::lock_guard lock(impl_->mu);
    for (const auto& s : impl_->shards) shards.push_back(s.get());
  }
  std::map<std::tuple<std::string, std::string, int>, RouteTotals> sum;
  for (Shard* shard : shards) {
    std::lock_guard lock(shard->mu);
    for (const auto& [route, cells] : shard->routes) {
      for (std::size_t m = 0; m < kMethods.size(); ++m) {
        for (std::size_t c = 0; c < kStatusClasses; ++c) {
          const Cells& cell = cells->by_method[m][c];
          std::array<std::uint64_t, kLatencyBuckets.size() + 1> buckets{};
          std::uint64_t count = 0;
          for (std::size_t b = 0; b < buckets.size(); ++b) {
            buckets[b] = cell.buckets[b].load(std::memory_order_relaxed);
            count += buckets[b];
          }
          if (count == 0) continue;
          int status_class = static_cast<int>(c) + 1;
          auto& t = sum[{route, std::string(kMethods[m]), status_class}];
          t.route = route;
          t.method = std::string(kMethods[m]);
          t.status_class = status_class;
          t.count += count;
          for (std::size_t b = 0; b < buckets.size(); ++b) t.buckets[b] += buckets[b];
          t.sum_seconds += static_cast<double>(cell.sum_ns.load(std::memory_order_relaxed)) / 1e9;
        }
      }
    }
  }
  std::vector<RouteTotals> out;
  out.reserve(sum.size());
  for (auto& [key, t] : sum) out.push_back(std::move(t));
  return out;
}

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string prometheus_text(const std::vector<RouteTotals>& totals, const std::vector<Gauge>& gauges) {
  std::string out;
  out.reserve(256 + totals.size() * 1400);
  auto labels = [](const RouteTotals& t) {
    std::string l = "method=\"" + escape_label_value(t.method) + "\",route=\"" + escape_label_value(t.route) +
                    "\",status=\"" + std::to_string(t.status_class) + "xx\"";
    return l;
  };

  out += "# HELP cma_http_requests_total HTTP requests answered, by method, route template and status class.\n";
  out += "# TYPE cma_http_requests_total counter\n";
  for (const auto& t : totals) {
    out += "cma_http_requests_total{" + labels(t) + "} " + std::to_string(t.count) + "\n";
  }

  out +=
      "# HELP cma_http_request_duration_seconds Time from the start of reading a request to the end of writing its "
      "response.\n";
  out += "# TYPE cma_http_request_duration_seconds histogram\n";
  for (const auto& t : totals) {
    auto l = labels(t);
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < t.buckets.size(); ++b) {
      cumulative += t.buckets[b];
      out += "cma_http_request_duration_seconds_bucket{" + l + ",le=\"";
      append_double(out, b < kLatencyBuckets.size() ? kLatencyBuckets[b] : INFINITY);
      out += "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "cma_http_request_duration_seconds_sum{" + l + "} ";
    append_double(out, t.sum_seconds);
    out += "\ncma_http_request_duration_seconds_count{" + l + "} " + std::to_string(t.count) + "\n";
  }

  for (const auto& g : gauges) {
    out += "# HELP " + g.name + " " + g.help + "\n# TYPE " + g.name + " " + g.type + "\n" + g.name + " ";
    append_double(out, g.read ? g.read() : 0.0);
    out += "\n";
  }
  return out;
}

double estimate_quantile(const std::array<std::uint64_t, kLatencyBuckets.size() + 1>& buckets, double quantile) {
  std::uint64_t total = 0;
  for (auto n : buckets) total += n;
  if (total == 0) return 0;
  double rank = std::clamp(quantile, 0.0, 1.0) * static_cast<double>(total);
  std::uint64_t below = 0;
  for (std::size_t b = 0; b < buckets.size(); ++b) {
    if (buckets[b] == 0) continue;
    if (static_cast<double>(below + buckets[b]) >= rank) {
      if (b == kLatencyBuckets.size()) return kLatencyBuckets.back();
      double lower = b == 0 ? 0.0 : kLatencyBuckets[b - 1];
      double upper = kLatencyBuckets[b];
      double within = (rank - static_cast<double>(below)) / static_cast<double>(buckets[b]);
      return lower + (upper - lower) * std::clamp(within, 0.0, 1.0);
    }
    below += buckets[b];
  }
  return kLatencyBuckets.back();
}

}  // namespace cma::platform::metrics
