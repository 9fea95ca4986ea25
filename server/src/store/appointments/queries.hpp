#pragma once
// Appointments: every statement names the centre.

namespace cma::store::appointments::sql {

#define CMA_APPOINTMENT_COLUMNS                                                                         \
  "id, centre_id, client_id, case_id, adviser_id, start_at, end_at, duration_minutes, mode, location, " \
  "preparation, status, outcome, follow_up_date, created_by, created_at, updated_at"

inline constexpr const char* kFindAppointment =
    "SELECT " CMA_APPOINTMENT_COLUMNS " FROM appointments WHERE id = :id AND centre_id = :centre";
// Admins: any centre's appointment (the use case narrows to its centre before changing it).
inline constexpr const char* kFindAppointmentAnyCentre =
    "SELECT " CMA_APPOINTMENT_COLUMNS " FROM appointments WHERE id = :id";
inline constexpr const char* kFindAppointmentForUpdatePostgresql =
    "SELECT " CMA_APPOINTMENT_COLUMNS " FROM appointments WHERE id = :id AND centre_id = :centre FOR UPDATE";
// PostgreSQL: one adviser's diary at a time, until the transaction ends. A 64-bit hash of the
// adviser's id; two advisers sharing a hash only wait for each other.
inline constexpr const char* kLockDiaryPostgresql = "SELECT pg_advisory_xact_lock(hashtextextended(:adviser, 7))";
// Half-open intervals: [start_at, end_at) overlaps [:start, :end).
inline constexpr const char* kFirstClash =
    "SELECT " CMA_APPOINTMENT_COLUMNS
    " FROM appointments WHERE centre_id = :centre AND adviser_id = :adviser AND status = 'scheduled'"
    " AND start_at > :earliest AND start_at < :end AND end_at > :start AND id <> :except ORDER BY start_at, id LIMIT 1";
inline constexpr const char* kInsertAppointment =
    "INSERT INTO appointments (" CMA_APPOINTMENT_COLUMNS
    ") VALUES (:id, :centre, :client_id, :case_id, :adviser, :start, :end, :duration, :mode, :location, "
    ":preparation, :status, :outcome, :follow_up, :created_by, :created, :updated)";
inline constexpr const char* kUpdateAppointment =
    "UPDATE appointments SET adviser_id = :adviser, start_at = :start, end_at = :end, duration_minutes = :duration, "
    "mode = :mode, location = :location, preparation = :preparation, status = :status, outcome = :outcome, "
    "follow_up_date = :follow_up, updated_at = :updated WHERE id = :id AND centre_id = :centre";
// Filters bound as '' are not applied; :to '' means no upper bound.
inline constexpr const char* kListAppointments =
    "SELECT " CMA_APPOINTMENT_COLUMNS
    " FROM appointments WHERE centre_id = :centre AND (:adviser = '' OR adviser_id = :adviser)"
    " AND (:client_id = '' OR client_id = :client_id) AND (:case_id = '' OR case_id = :case_id)"
    " AND (:status = '' OR status = :status) AND start_at >= :from AND (:to = '' OR start_at < :to)"
    " AND (start_at > :after_start OR (start_at = :after_start AND id > :after_id))"
    " ORDER BY start_at, id LIMIT :limit";

}  // namespace cma::store::appointments::sql
