#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/budgets/budgets.hpp"
#include "app/budgets/ports.hpp"
#include "app/cases/case_access.hpp"
#include "app/debts/debt_rules.hpp"
#include "app/debts/ports.hpp"
#include "app/solutions/solutions.hpp"
#include "domain/clients/client_rules.hpp"

namespace cma::app {

Result<CaseScreening> screen_case(const Deps& deps, const Actor& actor, const std::string& case_id,
                                  const std::string& assessed_on) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "solution.screen", "case", case_id);
  auto today = platform::format_time(deps.clock.now()).substr(0, 10);
  std::string date = assessed_on.empty() ? today : assessed_on;
  if (!domain::is_date(date)) return Error::invalid_field("date", "must be a date YYYY-MM-DD");
  if (date > today) return Error::invalid_field("date", "cannot be in the future");
  auto dro = domain::dro_limits_on(deps.reference.dro_limits(), date);
  auto rules = domain::solution_rules_on(deps.reference.solution_rules(), date);
  if (!dro || !rules) return Error::invalid_field("date", "is before the earliest thresholds the system holds");

  auto tx = deps.db.begin(TxMode::snapshot);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  const auto& c = found->c;
  auto debts = tx->get<DebtRepository>().all(found->scope, case_id);
  auto totals = debt_rules::totals(debts);
  CaseScreening out;
  out.case_id = case_id;
  auto& f = out.facts;
  f.total_debt = totals.total;
  f.non_priority_debt = totals.non_priority;
  for (const auto& d : debts)
    if (debt_rules::is_owed(d) && debt_rules::effective_priority(d) == domain::Priority::non_priority)
      ++f.non_priority_creditors;
  if (auto budget = tx->get<BudgetRepository>().current(found->scope, case_id))
    f.monthly_surplus = view_of(deps, std::move(*budget)).totals.surplus;
  f.assets = domain::Money::pence(c.assets);
  f.vehicle_value = domain::Money::pence(c.vehicle_value);
  f.vehicle_specially_adapted = c.vehicle_adapted;
  f.homeowner = c.homeowner;
  f.connected_to_england_or_wales = c.connected_to_england_or_wales;
  f.dro_in_last_six_years = c.dro_in_last_six_years;
  f.breathing_space_in_last_year = c.breathing_space_in_last_year;
  f.mental_health_crisis = c.mental_health_crisis;
  out.screening = domain::screen_solutions(f, *dro, *rules, date);
  out.rules_illustrative = rules->illustrative;
  return out;
}

}  // namespace cma::app
