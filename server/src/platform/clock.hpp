#pragma once
// Time comes from a port so that tests are deterministic. All times are UTC.
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cma::platform {

using TimePoint = std::chrono::time_point<std::chrono::system_clock, std::chrono::microseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override;
};

// A clock that moves only when told to; for tests.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start.time_since_epoch().count()) {}
  TimePoint now() const override { return TimePoint(std::chrono::microseconds(now_.load())); }
  void advance(std::chrono::microseconds d) { now_ += d.count(); }

 private:
  std::atomic<std::int64_t> now_;
};

// "2026-11-25T03:08:09.123456Z": fixed width, so text order is time order.
std::string format_time(TimePoint t);
// Accepts RFC 3339 with 'T' or ' ', optional fraction, 'Z' or a numeric offset
// (what PostgreSQL prints for timestamptz as well as what format_time writes).
std::optional<TimePoint> parse_time(std::string_view text);
std::int64_t unix_seconds(TimePoint t);

}  // namespace cma::platform
