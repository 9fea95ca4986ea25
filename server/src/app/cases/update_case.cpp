#include "app/authorization.hpp"
#include "app/cases/case_rules.hpp"
#include "app/cases/ports.hpp"
#include "app/dashboard/dashboard.hpp"
#include "app/debts/ports.hpp"
#include "app/lookup.hpp"
#include "app/search/search.hpp"
#include "domain/cases/case_status.hpp"

namespace cma::app {

Result<Case> update_case(const Deps& deps, const Actor& actor, const std::string& id, const CaseInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "case.update", "case", id);
  auto now = platform::format_time(deps.clock.now());
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_in_scope(tx->get<CaseRepository>(), Tenancy::of(actor.principal), id, kNoSuchCase);
  if (!found) return found.error();
  auto scope = *Tenancy::centre_within(actor.principal, found->centre_id);
  auto before = tx->get<CaseRepository>().find_for_update(scope, id);  // the row this change replaces
  if (!before) return Error::not_found(kNoSuchCase);
  Case after = *before;
  std::vector<FieldError> errors;
  case_rules::apply(in, now.substr(0, 10), after, errors);
  if (in.client_id) errors.push_back({"clientId", "cannot be changed"});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (in.adviser_id && *in.adviser_id != before->adviser_id) {
    if (auto refused = authorize(actor.principal, domain::Permission::cases_assign)) {
      auto denied = refuse(deps, *tx, actor, *refused, "case.assign", "case", id);
      tx->commit();  // holds nothing but the refusal
      return denied;
    }
    if (auto problem = case_rules::check_adviser(*tx, scope, *in.adviser_id); !problem.empty())
      return Error::invalid_field("adviserId", problem);
    after.adviser_id = *in.adviser_id;
  }
  auto changes = case_rules::diff(*before, after);
  if (changes.empty()) return after;
  if (domain::is_final(domain::parse_case_status(before->status).value_or(domain::CaseStatus::open)))
    return Error::precondition("The case is " + before->status + "; reopen it before changing it.");
  after.updated_at = now;
  tx->get<CaseRepository>().update(after);
  if (after.summary != before->summary) index_case(*tx, scope, after);
  if (after.adviser_id != before->adviser_id) {  // the case's figures move to the new adviser
    auto debts = tx->get<DebtRepository>().all(scope, id);
    count_case_change(*tx, scope, CaseWithDebts{&*before, &debts}, CaseWithDebts{&after, &debts});
  }
  const char* action = after.adviser_id != before->adviser_id ? "case.assign" : "case.update";
  append_audit(deps, *tx, actor.meta, {after.centre_id, actor.principal.user_id(), action, "case", id, changes});
  tx->commit();
  return after;
}

}  // namespace cma::app
