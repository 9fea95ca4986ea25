#pragma once
// The dashboard: a centre's figures (managers: their own centre; advisers and trainees too), one
// adviser's, or the network's with each centre's (admins). Read from counters kept in the same
// transaction as every change (domain/dashboard/figures.hpp), never by scanning cases.
#include <optional>
#include <string>

#include "app/cases/records.hpp"
#include "app/context.hpp"
#include "app/dashboard/records.hpp"
#include "app/debts/records.hpp"
#include "app/unit_of_work.hpp"
#include "domain/result.hpp"

namespace cma::app {

Result<Dashboard> get_dashboard(const Deps& deps, const Actor& actor, const std::string& centre_id,
                                const std::string& adviser_id);
// Admins: recounts a centre's figures from its cases and debts and compares them with the counters;
// with `repair`, replaces the counters with the recount (audited).
Result<DashboardCheck> check_dashboard(const Deps& deps, const Actor& actor, const std::string& centre_id, bool repair);
// At start-up: fills the counters of any centre that has cases but no counters yet (a database from
// before the counters existed). Returns how many centres it filled.
int fill_missing_dashboard_counters(const Deps& deps);

// For the use cases that change a case or its debts: applies, in their transaction, the change to
// the counters. `before`/`after` absent: the case did not exist / no longer counts.
struct CaseWithDebts {
  const Case* c = nullptr;
  const std::vector<Debt>* debts = nullptr;
};
void count_case_change(Transaction& tx, const CentreScope& scope, std::optional<CaseWithDebts> before,
                       std::optional<CaseWithDebts> after);

}  // namespace cma::app
