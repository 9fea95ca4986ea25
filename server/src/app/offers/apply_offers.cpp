#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/debts/debt_rules.hpp"
#include "app/debts/ports.hpp"
#include "app/offers/offer_rules.hpp"
#include "app/offers/offers.hpp"
#include "app/offers/ports.hpp"

namespace cma::app {

Result<OfferSet> apply_offers(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::offers_apply))
    return refuse(deps, actor, *refused, "offer.apply", "offer_set", id);
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  std::optional<OfferSet> o;
  if (platform::is_uuid(id)) o = tx->get<OfferRepository>().find(found->scope, case_id, id);
  if (!o) return Error::not_found(kNoSuchOfferSet);
  if (auto open = check_case_open_for_changes(found->c); !open) return open.error();
  auto now = platform::format_time(deps.clock.now());
  if (!o->applied_at.empty() || !tx->get<OfferRepository>().mark_applied(found->scope, id, now))
    return Error::precondition("This offer set has already been applied.");
  auto& debts = tx->get<DebtRepository>();
  for (const auto& line : o->lines) {
    auto before = debts.find(found->scope, case_id, line.debt_id);
    if (!before || !debt_rules::is_owed(*before))
      return Error::precondition(
          "A debt in this offer set has since been paid, written off or removed; compute a "
          "new offer.");
    Debt after = *before;
    after.offered_payment = line.monthly;
    auto changes = debt_rules::diff(*before, after);
    if (changes.empty()) continue;
    after.updated_at = now;
    debts.update(after);
    append_audit(deps, *tx, actor.meta,
                 {after.centre_id, actor.principal.user_id(), "debt.update", "debt", after.id, changes});
  }
  ChangeSet changes;
  changes.set("appliedAt", "", now);
  append_audit(deps, *tx, actor.meta,
               {o->centre_id, actor.principal.user_id(), "offer.apply", "offer_set", id, changes});
  o->applied_at = now;
  tx->commit();
  return std::move(*o);
}

}  // namespace cma::app
