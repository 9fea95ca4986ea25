#include "app/authorization.hpp"
#include "app/cases/case_access.hpp"
#include "app/dashboard/dashboard.hpp"
#include "app/debts/debt_rules.hpp"
#include "app/debts/ports.hpp"

namespace cma::app {

Result<Debt> add_debt(const Deps& deps, const Actor& actor, const std::string& case_id, const DebtInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "debt.create", "debt");
  Debt d;
  std::vector<FieldError> errors;
  debt_rules::apply(in, true, d, errors);
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (auto open = check_case_open_for_changes(found->c); !open) return open.error();
  auto& debts = tx->get<DebtRepository>();
  auto before = debts.all(found->scope, case_id);
  if (before.size() >= static_cast<std::size_t>(kMaxDebtsPerCase))
    return Error::precondition("A case holds at most 200 debts.");
  d.id = deps.ids.next();
  d.centre_id = found->c.centre_id;
  d.case_id = case_id;
  d.created_at = d.updated_at = platform::format_time(deps.clock.now());
  debts.insert(d);
  auto after = before;
  after.push_back(d);
  count_case_change(*tx, found->scope, CaseWithDebts{&found->c, &before}, CaseWithDebts{&found->c, &after});
  append_audit(deps, *tx, actor.meta,
               {d.centre_id, actor.principal.user_id(), "debt.create", "debt", d.id, debt_rules::diff(Debt{}, d)});
  tx->commit();
  return d;
}

}  // namespace cma::app
