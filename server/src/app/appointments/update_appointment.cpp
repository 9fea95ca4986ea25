#include "app/appointments/appointment_rules.hpp"
#include "app/appointments/ports.hpp"
#include "app/authorization.hpp"
#include "app/identity/staff.hpp"
#include "app/lookup.hpp"
#include "app/notifications/notifications.hpp"

namespace cma::app {

Result<Appointment> update_appointment(const Deps& deps, const Actor& actor, const std::string& id,
                                       const AppointmentInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "appointment.update", "appointment", id);
  std::vector<FieldError> errors;
  if (in.client_id) errors.push_back({"clientId", "cannot be changed; book a new appointment instead"});
  if (in.case_id) errors.push_back({"caseId", "cannot be changed; book a new appointment instead"});
  auto tx = deps.db.begin(TxMode::write);
  auto& appointments = tx->get<AppointmentRepository>();
  auto found = find_in_scope(appointments, Tenancy::of(actor.principal), id, kNoSuchAppointment);
  if (!found) return found.error();
  auto scope = *Tenancy::centre_within(actor.principal, found->centre_id);
  auto before = appointments.find_for_update(scope, id);
  if (!before) return Error::not_found(kNoSuchAppointment);
  Appointment after = *before;
  appointment_rules::apply(in, false, after, errors);
  if (in.adviser_id) {
    if (auto problem = check_staff_member(*tx, scope, *in.adviser_id, "the client's"); !problem.empty())
      errors.push_back({"adviserId", problem});
    else
      after.adviser_id = *in.adviser_id;
  }
  bool moved =
      after.start_at != before->start_at || after.end_at != before->end_at || after.adviser_id != before->adviser_id;
  if (moved && before->status != "scheduled" && after.status != "scheduled")
    errors.push_back({"start", "only a scheduled appointment can be moved"});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto changes = appointment_rules::diff(*before, after);
  if (changes.empty()) return after;
  // Moving it, giving it to another adviser or scheduling it again needs the time to be free.
  if (moved || (after.status == "scheduled" && before->status != "scheduled"))
    if (auto free = appointment_rules::check_no_clash(*tx, scope, after); !free) return free.error();
  after.updated_at = platform::format_time(deps.clock.now());
  appointments.update(after);
  std::string action = after.status != before->status ? "appointment." + after.status
                       : moved                        ? "appointment.move"
                                                      : "appointment.update";
  append_audit(deps, *tx, actor.meta, {after.centre_id, actor.principal.user_id(), action, "appointment", id, changes});
  // Moved, given to another adviser or scheduled again: a reminder for the new time (the old one
  // finds the appointment changed and does nothing).
  if (moved || after.status != before->status) schedule_appointment_reminder(deps, *tx, after);
  tx->commit();
  return after;
}

}  // namespace cma::app
