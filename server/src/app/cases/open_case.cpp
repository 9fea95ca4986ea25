#include "app/authorization.hpp"
#include "app/cases/case_rules.hpp"
#include "app/cases/ports.hpp"
#include "app/clients/ports.hpp"
#include "app/dashboard/dashboard.hpp"
#include "app/identity/ports.hpp"
#include "app/lookup.hpp"
#include "app/references/ports.hpp"
#include "app/search/search.hpp"
#include "app/webhooks/events.hpp"
#include "domain/clients/client_rules.hpp"

namespace cma::app {

Result<Case> open_case(const Deps& deps, const Actor& actor, const CaseInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "case.open", "case");
  auto now = platform::format_time(deps.clock.now());
  Case c;
  std::vector<FieldError> errors;
  case_rules::apply(in, now.substr(0, 10), c, errors);
  if (!in.client_id) errors.push_back({"clientId", "is required"});
  if (in.adviser_id && !in.adviser_id->empty()) {
    if (auto refused = authorize(actor.principal, domain::Permission::cases_assign))
      return refuse(deps, actor, *refused, "case.open", "case");
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));

  auto tx = deps.db.begin(TxMode::write);
  std::optional<Client> client;
  if (platform::is_uuid(*in.client_id))
    client = tx->get<ClientRepository>().find(Tenancy::of(actor.principal), *in.client_id);
  if (!client) return Error::invalid_field("clientId", "is not a client you can open a case for");
  auto scope = Tenancy::centre_within(actor.principal, client->centre_id);
  // Locked until this case is stored: a deletion of the client waits, and sees the case.
  client = tx->get<ClientRepository>().find_for_update(*scope, client->id);
  if (!client) return Error::invalid_field("clientId", "is not a client you can open a case for");
  auto centre = tx->get<CentreRepository>().find(*scope, client->centre_id);
  if (!centre || centre->status != kActive) return Error::invalid_field("clientId", "belongs to a deactivated centre");
  // The adviser: as asked, or the one opening it when they work at the client's centre.
  c.adviser_id = in.adviser_id.value_or(actor.principal.centre_id() == client->centre_id ? actor.principal.user_id()
                                                                                         : std::string());
  if (auto problem = case_rules::check_adviser(*tx, *scope, c.adviser_id); !problem.empty())
    return Error::invalid_field("adviserId", problem);
  c.id = deps.ids.next();
  c.centre_id = client->centre_id;
  c.client_id = client->id;
  if (!in.homeowner) c.homeowner = domain::is_homeowner(client->housing_tenure);
  int year = std::stoi(now.substr(0, 4));  // Europe/London is on UTC at New Year
  c.reference = domain::case_reference(
      centre->code, year,
      tx->get<ReferenceCounterRepository>().next(*scope, std::string("case-").append(std::to_string(year))));
  c.opened_at = c.created_at = c.updated_at = now;
  c.client_first_name = client->first_name;
  c.client_last_name = client->last_name;
  tx->get<CaseRepository>().insert(c);
  static const std::vector<Debt> kNoDebts;
  count_case_change(*tx, *scope, std::nullopt, CaseWithDebts{&c, &kNoDebts});
  index_case(*tx, *scope, c);
  append_audit(deps, *tx, actor.meta,
               {c.centre_id, actor.principal.user_id(), "case.open", "case", c.id, case_rules::diff(Case{}, c)});
  record_case_created_event(deps, *tx, *scope, c);
  tx->commit();
  return c;
}

}  // namespace cma::app
