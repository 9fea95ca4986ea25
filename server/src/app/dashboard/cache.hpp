#pragma once
// Dashboard figures kept per process and reused while the centre's dashboard version stays the same
// (it rises in the same transaction as any change of the centre's counters), so a dashboard request
// reads one version number instead of every counter. The figures depend on the London date too
// (the last 12 months), so an entry is for one date. Correct whatever other processes write: they
// raise the version in the shared database.
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/dashboard/records.hpp"

namespace cma::app {

class DashboardCache {
 public:
  explicit DashboardCache(std::size_t capacity = 4096) : capacity_(capacity) {}

  // The figures of `view` (a centre id and an adviser, or "*") kept at `version` for `today`.
  std::optional<DashboardFigures> find(const std::string& view, long long version, const std::string& today) const;
  void keep(const std::string& view, long long version, const std::string& today, const DashboardFigures& figures);

 private:
  struct Entry {
    long long version = 0;
    std::string today;
    DashboardFigures figures;
  };
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace cma::app
