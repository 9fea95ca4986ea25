#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/cases/case_access.hpp"
#include "app/debts/debts.hpp"
#include "app/debts/ports.hpp"

namespace cma::app {

Result<Debt> get_debt(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "debt.read", "debt", id);
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  std::optional<Debt> d;
  if (platform::is_uuid(id)) d = tx->get<DebtRepository>().find(found->scope, case_id, id);
  if (!d) return Error::not_found(kNoSuchDebt);
  return std::move(*d);
}

Result<Page<Debt>> list_debts(const Deps& deps, const Actor& actor, const std::string& case_id,
                              const PageRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "debt.list", "debt");
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  PageRequest fetch = page;
  fetch.limit = page.limit + 1;
  auto rows = tx->get<DebtRepository>().list(found->scope, case_id, fetch);
  return make_page(std::move(rows), page.limit, [](const Debt& d) { return d.id; });
}

}  // namespace cma::app
