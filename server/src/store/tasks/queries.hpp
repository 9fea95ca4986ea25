#pragma once
// Tasks: every statement names the centre.

namespace cma::store::tasks::sql {

#define CMA_TASK_COLUMNS                                                                          \
  "id, centre_id, case_id, title, details, assignee_id, due_date, priority, status, created_by, " \
  "completed_by, completed_at, created_at, updated_at"

inline constexpr const char* kFindTask =
    "SELECT " CMA_TASK_COLUMNS " FROM tasks WHERE id = :id AND centre_id = :centre";
// Admins: any centre's task (the use case narrows to the task's centre before changing it).
inline constexpr const char* kFindTaskAnyCentre = "SELECT " CMA_TASK_COLUMNS " FROM tasks WHERE id = :id";
// PostgreSQL: the row stays locked until the transaction ends.
inline constexpr const char* kFindTaskForUpdatePostgresql =
    "SELECT " CMA_TASK_COLUMNS " FROM tasks WHERE id = :id AND centre_id = :centre FOR UPDATE";
inline constexpr const char* kInsertTask =
    "INSERT INTO tasks (" CMA_TASK_COLUMNS
    ") VALUES (:id, :centre, :case_id, :title, :details, :assignee, :due, :priority, :status, :created_by, "
    ":completed_by, :completed_at, :created, :updated)";
inline constexpr const char* kUpdateTask =
    "UPDATE tasks SET title = :title, details = :details, assignee_id = :assignee, due_date = :due, "
    "priority = :priority, status = :status, completed_by = :completed_by, completed_at = :completed_at, "
    "updated_at = :updated WHERE id = :id AND centre_id = :centre";
// Filters bound as '' are not applied.
inline constexpr const char* kListTasks =
    "SELECT " CMA_TASK_COLUMNS
    " FROM tasks WHERE centre_id = :centre AND (:case_id = '' OR case_id = :case_id)"
    " AND (:assignee = '' OR assignee_id = :assignee) AND (:status = '' OR status = :status)"
    " AND (due_date > :after_due OR (due_date = :after_due AND id > :after_id))"
    " ORDER BY due_date, id LIMIT :limit";
inline constexpr const char* kListOpenTasksFor =
    "SELECT " CMA_TASK_COLUMNS
    " FROM tasks WHERE centre_id = :centre AND assignee_id = :assignee AND status = 'open'"
    " AND (due_date > :after_due OR (due_date = :after_due AND id > :after_id))"
    " ORDER BY due_date, id LIMIT :limit";

}  // namespace cma::store::tasks::sql
