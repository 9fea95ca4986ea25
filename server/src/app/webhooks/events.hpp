#pragma once
// The events the casework emits, each inside the use case's own write transaction. Their data are
// ids, statuses and times only: nothing that names or describes a person or their money.
#include <string>

#include "app/appointments/records.hpp"
#include "app/cases/records.hpp"
#include "app/context.hpp"
#include "app/tenancy.hpp"

namespace cma::app {

// case.created: {"caseId", "clientId", "reference", "status", "adviserId", "openedAt"}
int record_case_created_event(const Deps& deps, Transaction& tx, const CentreScope& scope, const Case& c);
// case.status_changed: {"caseId", "reference", "from", "to", "changedAt"}
int record_case_status_changed_event(const Deps& deps, Transaction& tx, const CentreScope& scope, const Case& after,
                                     const std::string& from);
// appointment.scheduled: {"appointmentId", "caseId", "clientId", "adviserId", "startAt", "endAt", "mode"}
int record_appointment_scheduled_event(const Deps& deps, Transaction& tx, const CentreScope& scope,
                                       const Appointment& a);

}  // namespace cma::app
