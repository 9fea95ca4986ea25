#include "app/authorization.hpp"
#include "app/clients/client_rules.hpp"
#include "app/clients/ports.hpp"
#include "app/identity/ports.hpp"
#include "app/lookup.hpp"
#include "app/references/ports.hpp"
#include "app/search/search.hpp"
#include "domain/clients/client_rules.hpp"

namespace cma::app {

Result<Client> create_client(const Deps& deps, const Actor& actor, const ClientInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::clients_write))
    return refuse(deps, actor, *refused, "client.create", "client");
  auto now = platform::format_time(deps.clock.now());
  Client c;
  std::vector<FieldError> errors;
  client_rules::apply(in, true, now, c, errors);
  std::string centre_id = in.centre_id.value_or(actor.principal.centre_id());
  if (!errors.empty()) return Error::invalid(std::move(errors));

  auto tx = deps.db.begin(TxMode::write);
  auto scope = Tenancy::centre_within(actor.principal, centre_id);
  std::optional<Centre> centre;
  if (scope) centre = tx->get<CentreRepository>().find(*scope, centre_id);
  if (!centre) return Error::invalid_field("centreId", "is not a centre you can add clients to");
  if (centre->status != kActive) return Error::invalid_field("centreId", "is a deactivated centre");
  c.id = deps.ids.next();
  c.centre_id = centre_id;
  c.reference = domain::client_reference(centre->code, tx->get<ReferenceCounterRepository>().next(*scope, "client"));
  c.created_at = c.updated_at = now;
  tx->get<ClientRepository>().insert(c);
  index_client(*tx, *scope, c);
  append_audit(
      deps, *tx, actor.meta,
      {c.centre_id, actor.principal.user_id(), "client.create", "client", c.id, client_rules::diff(Client{}, c)});
  tx->commit();
  return c;
}

}  // namespace cma::app
