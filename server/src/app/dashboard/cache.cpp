#include "app/dashboard/cache.hpp"

namespace cma::app {

std::optional<DashboardFigures> DashboardCache::find(const std::string& view, long long version,
                                                     const std::string& today) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(view);
  if (it == entries_.end() || it->second.version != version || it->second.today != today) return std::nullopt;
  return it->second.figures;
}

void DashboardCache::keep(const std::string& view, long long version, const std::string& today,
                          const DashboardFigures& figures) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(view);
  if (it != entries_.end()) {
    // Never replace figures of a later version with those of an earlier one read concurrently.
    if (it->second.version > version) return;
    it->second = Entry{version, today, figures};
    return;
  }
  if (entries_.size() >= capacity_) entries_.clear();  // bounded: views are rebuilt on their next read
  entries_.emplace(view, Entry{version, today, figures});
}

}  // namespace cma::app
