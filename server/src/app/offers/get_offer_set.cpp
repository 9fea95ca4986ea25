#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/offers/offer_rules.hpp"
#include "app/offers/offers.hpp"
#include "app/offers/ports.hpp"

namespace cma::app {

Result<OfferSet> get_offer_set(const Deps& deps, const Actor& actor, const std::string& case_id,
                               const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "offer.read", "offer_set", id);
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  std::optional<OfferSet> o;
  if (platform::is_uuid(id)) o = tx->get<OfferRepository>().find(found->scope, case_id, id);
  if (!o) return Error::not_found(kNoSuchOfferSet);
  return std::move(*o);
}

Result<Page<OfferSet>> list_offer_sets(const Deps& deps, const Actor& actor, const std::string& case_id,
                                       const PageRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "offer.list", "offer_set");
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  PageRequest fetch = page;
  fetch.limit = page.limit + 1;
  auto rows = tx->get<OfferRepository>().list(found->scope, case_id, fetch);
  return make_page(std::move(rows), page.limit, [](const OfferSet& o) { return o.id; });
}

}  // namespace cma::app
