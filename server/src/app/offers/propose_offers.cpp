#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/offers/offer_rules.hpp"
#include "app/offers/offers.hpp"
#include "app/offers/ports.hpp"

namespace cma::app {

Result<OfferSet> propose_offers(const Deps& deps, const Actor& actor, const std::string& case_id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "offer.propose", "offer_set");
  auto tx = deps.db.begin(TxMode::snapshot);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  return compute_offers(deps, *tx, *found);
}

}  // namespace cma::app
