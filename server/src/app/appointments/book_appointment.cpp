#include "app/appointments/appointment_rules.hpp"
#include "app/appointments/ports.hpp"
#include "app/authorization.hpp"
#include "app/cases/ports.hpp"
#include "app/clients/ports.hpp"
#include "app/identity/staff.hpp"
#include "app/notifications/notifications.hpp"
#include "app/webhooks/events.hpp"

namespace cma::app {

Result<Appointment> book_appointment(const Deps& deps, const Actor& actor, const AppointmentInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "appointment.create", "appointment");
  Appointment a;
  std::vector<FieldError> errors;
  appointment_rules::apply(in, true, a, errors);
  if (in.status && a.status != "scheduled") errors.push_back({"status", "a new appointment is scheduled"});
  if (!in.client_id) errors.push_back({"clientId", "is required"});
  if (!errors.empty()) return Error::invalid(std::move(errors));

  auto tx = deps.db.begin(TxMode::write);
  std::optional<Client> client;
  if (platform::is_uuid(*in.client_id))
    client = tx->get<ClientRepository>().find(Tenancy::of(actor.principal), *in.client_id);
  if (!client || client->status != kActive)
    return Error::invalid_field("clientId", "is not a client you can book an appointment for");
  auto scope = *Tenancy::centre_within(actor.principal, client->centre_id);
  a.client_id = client->id;
  a.centre_id = client->centre_id;
  if (in.case_id && !in.case_id->empty()) {
    std::optional<Case> c;
    if (platform::is_uuid(*in.case_id)) c = tx->get<CaseRepository>().find(Scope(scope), *in.case_id);
    if (!c || c->client_id != client->id) errors.push_back({"caseId", "is not a case of this client"});
    a.case_id = *in.case_id;
  }
  // The adviser: as asked, or the one booking when they work at the client's centre.
  a.adviser_id = in.adviser_id.value_or(actor.principal.centre_id() == a.centre_id ? actor.principal.user_id() : "");
  if (a.adviser_id.empty())
    errors.push_back({"adviserId", "is required when the client is at another centre"});
  else if (auto problem = check_staff_member(*tx, scope, a.adviser_id, "the client's"); !problem.empty())
    errors.push_back({"adviserId", problem});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (auto free = appointment_rules::check_no_clash(*tx, scope, a); !free) return free.error();
  a.id = deps.ids.next();
  a.created_by = actor.principal.user_id();
  a.created_at = a.updated_at = platform::format_time(deps.clock.now());
  tx->get<AppointmentRepository>().insert(a);
  append_audit(deps, *tx, actor.meta,
               {a.centre_id, actor.principal.user_id(), "appointment.create", "appointment", a.id,
                appointment_rules::diff(Appointment{}, a)});
  record_appointment_scheduled_event(deps, *tx, scope, a);
  schedule_appointment_reminder(deps, *tx, a);
  tx->commit();
  return a;
}

}  // namespace cma::app
