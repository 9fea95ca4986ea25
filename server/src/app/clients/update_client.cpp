#include "app/authorization.hpp"
#include "app/clients/client_rules.hpp"
#include "app/clients/ports.hpp"
#include "app/lookup.hpp"
#include "app/search/search.hpp"

namespace cma::app {

Result<Client> update_client(const Deps& deps, const Actor& actor, const std::string& id, const ClientInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::clients_write))
    return refuse(deps, actor, *refused, "client.update", "client", id);
  auto now = platform::format_time(deps.clock.now());
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_in_scope(tx->get<ClientRepository>(), Tenancy::of(actor.principal), id, kNoSuchClient);
  if (!found) return found.error();
  auto before =
      tx->get<ClientRepository>().find_for_update(*Tenancy::centre_within(actor.principal, found->centre_id), id);
  if (!before) return Error::not_found(kNoSuchClient);
  Client after = *before;
  std::vector<FieldError> errors;
  client_rules::apply(in, false, now, after, errors);
  if (in.centre_id) errors.push_back({"centreId", "cannot be changed"});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto changes = client_rules::diff(*before, after);
  if (changes.empty()) return after;
  after.updated_at = now;
  tx->get<ClientRepository>().update(after);
  index_client(*tx, *Tenancy::centre_within(actor.principal, after.centre_id), after);
  append_audit(deps, *tx, actor.meta,
               {after.centre_id, actor.principal.user_id(), "client.update", "client", id, changes});
  tx->commit();
  return after;
}

}  // namespace cma::app
