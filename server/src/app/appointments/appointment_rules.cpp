#include "app/appointments/appointment_rules.hpp"

#include "app/appointments/ports.hpp"
#include "domain/diary/appointment_rules.hpp"
#include "domain/diary/london_time.hpp"
#include "domain/identity/validation.hpp"

namespace cma::app::appointment_rules {

void apply(const AppointmentInput& in, bool creating, Appointment& a, std::vector<FieldError>& errors) {
  errors.insert(errors.end(), in.shape_errors.begin(), in.shape_errors.end());
  std::optional<std::int64_t> start = domain::parse_utc(a.start_at);
  if (in.start) {
    auto parsed = domain::parse_instant(*in.start);
    if (parsed.utc_seconds)
      start = parsed.utc_seconds;
    else
      errors.push_back({"start", parsed.error});
  } else if (creating) {
    errors.push_back({"start", "is required"});
  }
  if (in.duration_minutes) {
    if (*in.duration_minutes < domain::kMinAppointmentMinutes || *in.duration_minutes > domain::kMaxAppointmentMinutes)
      errors.push_back({"durationMinutes", "must be from 5 to 480"});
    else
      a.duration_minutes = static_cast<int>(*in.duration_minutes);
  }
  if (start) {
    a.start_at = domain::format_utc(*start);
    a.end_at = domain::format_utc(*start + a.duration_minutes * 60LL);
  }
  if (in.mode) {
    if (domain::parse_appointment_mode(*in.mode))
      a.mode = *in.mode;
    else
      errors.push_back({"mode", "must be one of in_person, phone, video"});
  }
  if (in.location) {
    if (auto e = domain::check_text(*in.location, 200, false))
      errors.push_back({"location", *e});
    else
      a.location = domain::trim(*in.location);
  }
  if (in.preparation) {
    if (auto e = domain::check_multiline_text(*in.preparation, 5000, false))
      errors.push_back({"preparation", *e});
    else
      a.preparation = domain::trim(*in.preparation);
  }
  if (in.status) {
    if (domain::parse_appointment_status(*in.status))
      a.status = *in.status;
    else
      errors.push_back({"status", "must be one of scheduled, completed, cancelled, no_show"});
  }
  if (in.outcome) {
    if (auto e = domain::check_multiline_text(*in.outcome, 5000, false))
      errors.push_back({"outcome", *e});
    else
      a.outcome = domain::trim(*in.outcome);
  }
  if (in.follow_up_date) {
    if (in.follow_up_date->empty() || domain::parse_date(*in.follow_up_date))
      a.follow_up_date = *in.follow_up_date;
    else
      errors.push_back({"followUpDate", "must be a date like 2026-12-01, or \"\" for none"});
  }
}

Status check_no_clash(Transaction& tx, const CentreScope& scope, const Appointment& a) {
  if (a.status != "scheduled") return ok_status();
  auto& appointments = tx.get<AppointmentRepository>();
  appointments.lock_diary(scope, a.adviser_id);
  auto earliest = domain::format_utc(domain::parse_utc(a.start_at).value_or(0) - domain::kMaxAppointmentMinutes * 60LL);
  auto clash = appointments.first_clash(scope, a.adviser_id, a.start_at, a.end_at, earliest, a.id);
  if (!clash) return ok_status();
  auto start = domain::parse_utc(clash->start_at).value_or(0);
  auto end = domain::parse_utc(clash->end_at).value_or(0);
  return Error::conflict("The adviser already has appointment " + clash->id + " from " + domain::format_london(start) +
                         " to " + domain::format_london(end) + " (London time), which overlaps this one.");
}

ChangeSet diff(const Appointment& b, const Appointment& a) {
  ChangeSet cs = b.id.empty() ? ChangeSet::for_creation() : ChangeSet();
  cs.set("clientId", b.client_id, a.client_id)
      .set("caseId", b.case_id, a.case_id)
      .set("adviserId", b.adviser_id, a.adviser_id)
      .set("start", b.start_at, a.start_at)
      .set("durationMinutes", b.id.empty() ? "" : std::to_string(b.duration_minutes),
           std::to_string(a.duration_minutes))
      .set("mode", b.mode, a.mode)
      .set("status", b.status, a.status)
      .set("followUpDate", b.follow_up_date, a.follow_up_date);
  if (b.location != a.location) cs.redacted("location");
  if (b.preparation != a.preparation) cs.redacted("preparation");
  if (b.outcome != a.outcome) cs.redacted("outcome");
  return cs;
}

std::string list_key(const Appointment& a) {
  return a.start_at;
}

}  // namespace cma::app::appointment_rules
