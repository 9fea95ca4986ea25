#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/clients/clients.hpp"
#include "app/clients/ports.hpp"
#include "domain/clients/client_rules.hpp"
#include "domain/identity/validation.hpp"

namespace cma::app {

namespace {
std::string lower(std::string s) {
  for (auto& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}
}  // namespace

Result<Page<Client>> list_clients(const Deps& deps, const Actor& actor, const ClientQuery& query,
                                  const KeysetRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::clients_read))
    return refuse(deps, actor, *refused, "client.list", "client");
  if (query.text.size() > 100) return Error::invalid_field("q", "must be at most 100 characters");
  Scope scope = Tenancy::of(actor.principal);
  if (!query.centre_id.empty()) {
    auto centre = Tenancy::centre_within(scope, query.centre_id);
    if (!centre) return Page<Client>{};
    scope = *centre;
  }
  auto tx = deps.db.begin(TxMode::read);
  auto rows = tx->get<ClientRepository>().list(scope, lower(domain::trim(query.text)), page);
  return make_keyset_page(
      std::move(rows), kClientList, page.limit,
      [](const Client& c) { return domain::client_sort_name(c.first_name, c.last_name); },
      [](const Client& c) { return c.id; });
}

}  // namespace cma::app
