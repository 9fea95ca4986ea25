#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/budgets/budgets.hpp"
#include "app/budgets/ports.hpp"
#include "app/cases/case_access.hpp"

namespace cma::app {

Result<BudgetView> get_budget(const Deps& deps, const Actor& actor, const std::string& case_id,
                              std::optional<int> version) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "budget.read", "budget");
  auto tx = deps.db.begin(TxMode::snapshot);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  auto& budgets = tx->get<BudgetRepository>();
  auto b = version ? budgets.version(found->scope, case_id, *version) : budgets.current(found->scope, case_id);
  if (!b) return Error::not_found(version ? "No such version of the budget." : "The case has no budget yet.");
  return view_of(deps, std::move(*b));
}

Result<Page<Budget>> list_budget_versions(const Deps& deps, const Actor& actor, const std::string& case_id,
                                          const PageRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "budget.list", "budget");
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  PageRequest fetch = page;
  fetch.limit = page.limit + 1;
  auto rows = tx->get<BudgetRepository>().versions(found->scope, case_id, fetch);
  return make_page(std::move(rows), page.limit, [](const Budget& b) { return b.id; });
}

}  // namespace cma::app
