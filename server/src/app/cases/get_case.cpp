#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/budgets/budgets.hpp"
#include "app/budgets/ports.hpp"
#include "app/cases/cases.hpp"
#include "app/cases/ports.hpp"
#include "app/debts/debt_rules.hpp"
#include "app/debts/ports.hpp"
#include "app/lookup.hpp"
#include "domain/cases/case_status.hpp"

namespace cma::app {

Result<CaseDetail> get_case(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "case.read", "case", id);
  auto tx = deps.db.begin(TxMode::snapshot);
  auto found = find_in_scope(tx->get<CaseRepository>(), Tenancy::of(actor.principal), id, kNoSuchCase);
  if (!found) return found.error();
  CaseDetail detail;
  detail.c = std::move(*found);
  auto scope = *Tenancy::centre_within(actor.principal, detail.c.centre_id);
  auto totals = debt_rules::totals(tx->get<DebtRepository>().all(scope, id));
  detail.figures.total_debt = totals.total;
  detail.figures.priority_debt = totals.priority;
  detail.figures.priority_arrears = totals.priority_arrears;
  detail.figures.non_priority_debt = totals.non_priority;
  detail.figures.debts = totals.count;
  if (auto budget = tx->get<BudgetRepository>().current(scope, id))
    detail.figures.monthly_surplus = view_of(deps, std::move(*budget)).totals.surplus;
  if (auto status = domain::parse_case_status(detail.c.status))
    for (auto next : domain::allowed_next(*status)) detail.allowed_transitions.emplace_back(domain::to_string(next));
  return detail;
}

}  // namespace cma::app
