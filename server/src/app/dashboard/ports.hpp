#pragma once
// The dashboard module's storage: counters per centre and adviser, and the full reads a recount
// needs. Adviser "*" holds the centre's totals.
#include <string>
#include <vector>

#include "app/cases/records.hpp"
#include "app/debts/records.hpp"
#include "app/tenancy.hpp"
#include "domain/dashboard/figures.hpp"

namespace cma::app {

inline constexpr const char* kCentreTotals = "*";

struct CounterRow {
  std::string centre_id;
  std::string adviser_id;
  std::string metric;
  std::string bucket;
  long long value = 0;
};

// Counters with the centre's dashboard version they were read at (0: none yet).
struct VersionedCounters {
  long long version = 0;
  std::vector<CounterRow> rows;  // metric, bucket and value only
};

// What a dashboard reads on every request: the centre's version and the time-dependent counts.
struct LiveFigures {
  long long version = 0;
  long long overdue_tasks = 0;
  long long appointments = 0;
};

class DashboardRepository {
 public:
  virtual ~DashboardRepository() = default;
  // Adds each delta to its (adviser, metric, bucket) counter and to the centre's "*" one, and raises
  // the centre's dashboard version.
  virtual void add(const CentreScope& scope, const domain::Counters& delta) = 0;
  // One adviser's counters ("" for the cases no adviser has), or kCentreTotals for the centre's.
  virtual std::vector<CounterRow> read(const CentreScope& scope, const std::string& adviser_id) = 0;
  // The same, with the centre's version, in one snapshot.
  virtual VersionedCounters read_versioned(const CentreScope& scope, const std::string& adviser_id) = 0;
  // The centre's version, its (or an assignee's: adviser_id not "") open tasks due before `today`
  // and scheduled appointments starting in [from, to), in one snapshot.
  virtual LiveFigures live(const CentreScope& scope, const std::string& adviser_id, const std::string& today,
                           const std::string& from, const std::string& to) = 0;
  // Every counter of the centre, the totals included.
  virtual std::vector<CounterRow> read_all(const CentreScope& scope) = 0;
  // Every centre's totals (admins' network view).
  virtual std::vector<CounterRow> read_network(const NetworkScope& scope) = 0;
  virtual bool has_counters(const CentreScope& scope) = 0;
  // Replaces all of the centre's counters (per adviser; the "*" totals are derived here).
  virtual void replace(const CentreScope& scope, const domain::Counters& all) = 0;
  // The full reads of a recount: every case of the centre and every debt not removed.
  virtual std::vector<Case> all_cases(const CentreScope& scope) = 0;
  virtual std::vector<Debt> all_debts(const CentreScope& scope) = 0;
  // Time-dependent figures, read through their indexes.
  virtual long long overdue_tasks(const CentreScope& scope, const std::string& assignee_id,
                                  const std::string& today) = 0;
  virtual long long appointments_between(const CentreScope& scope, const std::string& adviser_id,
                                         const std::string& from, const std::string& to) = 0;
};

}  // namespace cma::app
