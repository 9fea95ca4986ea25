#include "app/authorization.hpp"
#include "app/clients/client_rules.hpp"
#include "app/clients/ports.hpp"
#include "app/lookup.hpp"
#include "app/search/search.hpp"

namespace cma::app {

Result<Client> delete_client(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::clients_delete))
    return refuse(deps, actor, *refused, "client.delete", "client", id);
  auto tx = deps.db.begin(TxMode::write);
  auto& clients = tx->get<ClientRepository>();
  auto found = find_in_scope(clients, Tenancy::of(actor.principal), id, kNoSuchClient);
  if (!found) return found.error();
  auto scope = *Tenancy::centre_within(actor.principal, found->centre_id);
  auto before = clients.find_for_update(scope, id);  // a case opened meanwhile waits for this decision
  if (!before) return Error::not_found(kNoSuchClient);
  if (clients.open_cases(scope, id) > 0)
    return Error::precondition("The client has cases that are not finished; close, refer or cancel them first.");
  Client after = *before;
  after.status = kDeleted;
  after.deleted_at = after.updated_at = platform::format_time(deps.clock.now());
  clients.update(after);
  index_client(*tx, scope, after);  // no longer found
  append_audit(
      deps, *tx, actor.meta,
      {after.centre_id, actor.principal.user_id(), "client.delete", "client", id, client_rules::diff(*before, after)});
  tx->commit();
  return after;
}

}  // namespace cma::app
