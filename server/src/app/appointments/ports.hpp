#pragma once
// The appointments module's storage: every statement names the centre.
#include <optional>
#include <string>
#include <vector>

#include "app/appointments/records.hpp"
#include "app/paging.hpp"
#include "app/tenancy.hpp"

namespace cma::app {

class AppointmentRepository {
 public:
  virtual ~AppointmentRepository() = default;
  virtual std::optional<Appointment> find(const Scope& scope, const std::string& id) = 0;
  virtual std::optional<Appointment> find_for_update(const CentreScope& scope, const std::string& id) = 0;
  // Holds the adviser's diary until the transaction ends, so that checking for a clash and booking
  // are one step under concurrent requests (PostgreSQL: a transaction-scoped advisory lock on the
  // adviser; SQLite: writers already run one at a time).
  virtual void lock_diary(const CentreScope& scope, const std::string& adviser_id) = 0;
  // The adviser's first scheduled appointment overlapping [start, end), other than `except_id`. None
  // that starts at or before `earliest_start` can overlap (no appointment is that long), which keeps
  // the search to a short stretch of the adviser's diary however long it grows.
  virtual std::optional<Appointment> first_clash(const CentreScope& scope, const std::string& adviser_id,
                                                 const std::string& start, const std::string& end,
                                                 const std::string& earliest_start, const std::string& except_id) = 0;
  virtual void insert(const Appointment& a) = 0;
  virtual void update(const Appointment& a) = 0;
  // By start, then id; filters that are "" are not applied.
  virtual std::vector<Appointment> list(const CentreScope& scope, const AppointmentQuery& query,
                                        const KeysetRequest& page) = 0;
};

}  // namespace cma::app
