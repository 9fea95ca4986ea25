#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/clients/clients.hpp"
#include "app/clients/ports.hpp"
#include "app/lookup.hpp"

namespace cma::app {

Result<Client> get_client(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::clients_read))
    return refuse(deps, actor, *refused, "client.read", "client", id);
  auto tx = deps.db.begin(TxMode::read);
  return find_in_scope(tx->get<ClientRepository>(), Tenancy::of(actor.principal), id, kNoSuchClient);
}

}  // namespace cma::app
