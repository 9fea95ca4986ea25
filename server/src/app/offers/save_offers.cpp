#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/offers/offer_rules.hpp"
#include "app/offers/offers.hpp"
#include "app/offers/ports.hpp"

namespace cma::app {

Result<OfferSet> save_offers(const Deps& deps, const Actor& actor, const std::string& case_id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "offer.save", "offer_set");
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  if (auto open = check_case_open_for_changes(found->c); !open) return open.error();
  auto o = compute_offers(deps, *tx, *found);
  if (!o) return o.error();
  o->id = deps.ids.next();
  o->created_by = actor.principal.user_id();
  o->created_at = platform::format_time(deps.clock.now());
  tx->get<OfferRepository>().insert(*o);
  ChangeSet changes = ChangeSet::for_creation();
  changes.created("caseId", o->case_id)
      .created("budgetVersion", std::to_string(o->budget_version))
      .created("available", std::to_string(o->available))
      .created("token", o->token ? "true" : "false")
      .created("lines", std::to_string(o->lines.size()));
  append_audit(deps, *tx, actor.meta,
               {o->centre_id, actor.principal.user_id(), "offer.save", "offer_set", o->id, changes});
  tx->commit();
  return o;
}

}  // namespace cma::app
