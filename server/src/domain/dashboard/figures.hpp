#pragma once
// The dashboard's figures are counters kept in the same transaction as every change that moves
// them, so reading them never scans cases. What a case adds to the counters is defined once, here
// (`contribution`): a change applies contribution(after) - contribution(before), and a recount is
// the sum of every case's contribution, so the two agree by construction.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace cma::domain {

// Counter names. Buckets: a status, a London month (YYYY-MM), a number of days, or "".
inline constexpr const char* kCasesByStatus = "cases.status";
inline constexpr const char* kCasesOpened = "cases.opened";
inline constexpr const char* kCasesClosed = "cases.closed";
inline constexpr const char* kDaysToClose = "cases.days_to_close";
inline constexpr const char* kClosedCompliant = "cases.closed_compliant";
inline constexpr const char* kDebtUnderAdvice = "debt.under_advice";
inline constexpr const char* kPriorityArrears = "debt.priority_arrears";
inline constexpr const char* kWrittenOff = "debt.written_off";
inline constexpr const char* kRepaid = "debt.repaid";

struct DebtSnapshot {
  long long balance = 0;  // pence
  long long arrears = 0;
  bool priority = false;
  std::string status;  // active | disputed | paid | written_off | removed
};

struct CaseSnapshot {
  std::string adviser_id;
  std::string status;
  std::string opened_at;  // UTC timestamps as stored
  std::string closed_at;
  bool closed_with_override = false;
  std::vector<DebtSnapshot> debts;
};

// (adviser, metric, bucket) → value.
using CounterKey = std::tuple<std::string, std::string, std::string>;
using Counters = std::map<CounterKey, long long>;

// What one case adds to the counters in its current state.
Counters contribution(const CaseSnapshot& c);
// after - before, without the zero entries.
Counters difference(const Counters& before, const Counters& after);
void add_to(Counters& total, const Counters& more);

// The London month of a stored UTC timestamp, "YYYY-MM"; "" when malformed.
std::string london_month(const std::string& utc_timestamp);

// The median of a histogram of days (bucket text → count); nullopt when it is empty. With an even
// count, the mean of the two middle values, rounded down.
std::optional<long long> median_days(const std::map<std::string, long long>& histogram);

// A CSV cell that a spreadsheet will not run as a formula: text starting with =, +, -, @, a tab or
// a carriage return gets a leading apostrophe; quotes are doubled and the cell quoted when needed.
std::string csv_cell(const std::string& text);

}  // namespace cma::domain
