#pragma once
// The dashboard's counters, and the reads its recount and its time-dependent figures need.

namespace cma::store::dashboard::sql {

inline constexpr const char* kAddCounter =
    "INSERT INTO dashboard_counters (centre_id, adviser_id, metric, bucket, value)"
    " VALUES (:centre, :adviser, :metric, :bucket, :delta)"
    " ON CONFLICT (centre_id, adviser_id, metric, bucket) DO UPDATE SET value = dashboard_counters.value + "
    "excluded.value";
inline constexpr const char* kReadCounters =
    "SELECT centre_id, adviser_id, metric, bucket, value FROM dashboard_counters"
    " WHERE centre_id = :centre AND adviser_id = :adviser AND value <> 0";
// The same with the centre's dashboard version, in one statement (one snapshot on both databases):
// the version comes back as a row with an empty metric.
inline constexpr const char* kReadCountersWithVersion =
    "SELECT metric, bucket, value FROM dashboard_counters"
    " WHERE centre_id = :centre AND adviser_id = :adviser AND value <> 0"
    " UNION ALL SELECT '', '', version FROM dashboard_versions WHERE centre_id = :centre";
inline constexpr const char* kBumpVersion =
    "INSERT INTO dashboard_versions (centre_id, version) VALUES (:centre, 1)"
    " ON CONFLICT (centre_id) DO UPDATE SET version = dashboard_versions.version + 1";
// What a dashboard reads on every request, in one statement: the centre's version and the
// time-dependent counts, through the same indexes as the queries below.
inline constexpr const char* kLiveFigures =
    "SELECT COALESCE((SELECT version FROM dashboard_versions WHERE centre_id = :centre), 0),"
    " (SELECT COUNT(*) FROM tasks WHERE centre_id = :centre AND status = 'open' AND due_date < :today),"
    " (SELECT COUNT(*) FROM appointments WHERE centre_id = :centre AND start_at >= :from AND start_at < :to"
    " AND status = 'scheduled')";
inline constexpr const char* kLiveFiguresOf =
    "SELECT COALESCE((SELECT version FROM dashboard_versions WHERE centre_id = :centre), 0),"
    " (SELECT COUNT(*) FROM tasks WHERE centre_id = :centre AND assignee_id = :adviser AND status = 'open'"
    " AND due_date < :today),"
    " (SELECT COUNT(*) FROM appointments WHERE centre_id = :centre AND adviser_id = :adviser AND start_at >= :from"
    " AND start_at < :to AND status = 'scheduled')";
inline constexpr const char* kReadAllCounters =
    "SELECT centre_id, adviser_id, metric, bucket, value FROM dashboard_counters"
    " WHERE centre_id = :centre AND value <> 0";
// Admins' network view: every centre's totals.
inline constexpr const char* kReadNetworkCounters =
    "SELECT centre_id, adviser_id, metric, bucket, value FROM dashboard_counters WHERE adviser_id = '*' AND value <> 0";
inline constexpr const char* kHasCounters = "SELECT 1 FROM dashboard_counters WHERE centre_id = :centre LIMIT 1";
inline constexpr const char* kDeleteCounters = "DELETE FROM dashboard_counters WHERE centre_id = :centre";
// The recount's full reads.
inline constexpr const char* kAllCases =
    "SELECT id, adviser_id, status, opened_at, closed_at, compliance_override FROM cases WHERE centre_id = :centre";
inline constexpr const char* kAllDebts =
    "SELECT case_id, debt_type, balance, arrears, priority_override, status FROM debts"
    " WHERE centre_id = :centre AND status <> 'removed'";
// Through tasks_assignee_idx / tasks_status_idx and appointments_adviser_idx / appointments_centre_idx.
inline constexpr const char* kOverdueTasks =
    "SELECT COUNT(*) FROM tasks WHERE centre_id = :centre AND status = 'open' AND due_date < :today";
inline constexpr const char* kOverdueTasksOf =
    "SELECT COUNT(*) FROM tasks WHERE centre_id = :centre AND assignee_id = :assignee AND status = 'open'"
    " AND due_date < :today";
inline constexpr const char* kAppointmentsBetween =
    "SELECT COUNT(*) FROM appointments WHERE centre_id = :centre AND start_at >= :from AND start_at < :to"
    " AND status = 'scheduled'";
inline constexpr const char* kAppointmentsBetweenOf =
    "SELECT COUNT(*) FROM appointments WHERE centre_id = :centre AND adviser_id = :adviser AND start_at >= :from"
    " AND start_at < :to AND status = 'scheduled'";

}  // namespace cma::store::dashboard::sql
