#include <functional>

#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/cases/case_access.hpp"
#include "app/dashboard/dashboard.hpp"
#include "app/debts/debt_rules.hpp"
#include "app/debts/ports.hpp"

namespace cma::app {

namespace {
Result<Debt> change_debt(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id,
                         const char* action, const std::function<void(Debt&, std::vector<FieldError>&)>& change) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, action, "debt", id);
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  auto& debts = tx->get<DebtRepository>();
  std::optional<Debt> before;
  if (platform::is_uuid(id)) before = debts.find_for_update(found->scope, case_id, id);
  if (!before) return Error::not_found(kNoSuchDebt);
  Debt after = *before;
  std::vector<FieldError> errors;
  change(after, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto changes = debt_rules::diff(*before, after);
  if (changes.empty()) return after;
  if (auto open = check_case_open_for_changes(found->c); !open) return open.error();
  after.updated_at = platform::format_time(deps.clock.now());
  auto all_before = debts.all(found->scope, case_id);
  debts.update(after);
  auto all_after = debts.all(found->scope, case_id);
  count_case_change(*tx, found->scope, CaseWithDebts{&found->c, &all_before}, CaseWithDebts{&found->c, &all_after});
  append_audit(deps, *tx, actor.meta, {after.centre_id, actor.principal.user_id(), action, "debt", id, changes});
  tx->commit();
  return after;
}
}  // namespace

Result<Debt> update_debt(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id,
                         const DebtInput& in) {
  return change_debt(deps, actor, case_id, id, "debt.update",
                     [&](Debt& d, std::vector<FieldError>& errors) { debt_rules::apply(in, false, d, errors); });
}

Result<Debt> remove_debt(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id) {
  return change_debt(deps, actor, case_id, id, "debt.remove",
                     [](Debt& d, std::vector<FieldError>&) { d.status = kRemoved; });
}

}  // namespace cma::app
