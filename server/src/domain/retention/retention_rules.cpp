#include "domain/retention/retention_rules.hpp"

#include <algorithm>

namespace cma::domain {

namespace {

bool retention_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

}  // namespace

CivilDate retention_ends(CivilDate closed) {
  CivilDate anniversary{closed.year + kRetentionYears, closed.month, closed.day};
  if (closed.month == 2 && closed.day == 29 && !retention_leap(anniversary.year)) anniversary.day = 28;
  return add_days(anniversary, 1);
}

bool case_past_retention(const RetainedCase& c, CivilDate today) {
  if (!c.finished || !c.closed_at) return false;
  return days_from_civil(retention_ends(london_date(*c.closed_at))) <= days_from_civil(today);
}

bool client_past_retention(const std::vector<RetainedCase>& cases, CivilDate today) {
  return !cases.empty() &&
         std::all_of(cases.begin(), cases.end(), [&](const RetainedCase& c) { return case_past_retention(c, today); });
}

}  // namespace cma::domain
