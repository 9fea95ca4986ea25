#pragma once
// The dashboard module's records: one view of the figures (a centre, one adviser of it, or the
// whole network), and the result of checking the counters against a recount.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cma::app {

struct DashboardFigures {
  std::vector<std::pair<std::string, long long>> cases_by_status;   // every status, in machine order
  std::vector<std::pair<std::string, long long>> opened_per_month;  // the last 12 London months, oldest first
  std::vector<std::pair<std::string, long long>> closed_per_month;
  std::optional<long long> median_days_to_close;
  long long debt_under_advice = 0;  // pence: owed debts of cases not finished
  long long priority_arrears = 0;
  long long written_off = 0;
  long long repaid = 0;
  long long closed_cases = 0;
  long long closed_compliant = 0;  // closed with a complete checklist (not by override)
};

struct CentreFigures {
  std::string centre_id;
  std::string centre_name;
  DashboardFigures figures;
};

struct Dashboard {
  std::string centre_id;   // "" for the network
  std::string adviser_id;  // "" for the whole centre
  std::string today;       // London date the time-dependent figures are for
  DashboardFigures figures;
  long long overdue_tasks = 0;         // open tasks due before today
  long long appointments_today = 0;    // scheduled, starting today in London
  std::vector<CentreFigures> centres;  // the network view: each centre
};

struct DashboardDifference {
  std::string adviser_id;  // "*" for the centre's totals
  std::string metric;
  std::string bucket;
  long long stored = 0;
  long long recounted = 0;
};

struct DashboardCheck {
  std::string centre_id;
  bool consistent = true;
  bool repaired = false;
  long long cases = 0;
  std::vector<DashboardDifference> differences;
};

}  // namespace cma::app
