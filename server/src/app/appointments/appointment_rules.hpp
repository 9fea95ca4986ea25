#pragma once
// Shared by the appointment use cases.
#include <string>
#include <vector>

#include "app/appointments/appointments.hpp"
#include "app/audit/audit_log.hpp"
#include "app/tenancy.hpp"
#include "app/unit_of_work.hpp"

namespace cma::app::appointment_rules {

// Checks the appointment's own fields present in `in` (not the client, case or adviser) and writes
// them into `a`, the end time included; missing required fields are errors when `creating`.
void apply(const AppointmentInput& in, bool creating, Appointment& a, std::vector<FieldError>& errors);

// Takes the adviser's diary and refuses a clash with another of their scheduled appointments
// (409 naming it). Only scheduled appointments are checked and occupy time.
Status check_no_clash(Transaction& tx, const CentreScope& scope, const Appointment& a);

ChangeSet diff(const Appointment& before, const Appointment& after);

// The list cursor's key: the start time.
std::string list_key(const Appointment& a);

}  // namespace cma::app::appointment_rules
