#pragma once
// Tasks for a case or for a centre, each with an assignee of the same centre, a due date (a London
// date), a priority and a status (open, done, cancelled). Reading needs cases_read, writing
// cases_write. Completing, cancelling, reopening and reassigning are audited as such.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/paging.hpp"
#include "app/tasks/records.hpp"
#include "domain/result.hpp"

namespace cma::app {

struct TaskInput {  // absent fields are left as they are on update
  std::optional<std::string> centre_id, case_id, title, details, assignee_id, due_date, priority, status;
  std::vector<FieldError> shape_errors;
};

Result<Task> create_task(const Deps& deps, const Actor& actor, const TaskInput& in);
Result<Task> get_task(const Deps& deps, const Actor& actor, const std::string& id);
Result<Task> update_task(const Deps& deps, const Actor& actor, const std::string& id, const TaskInput& in);
Result<Page<Task>> list_tasks(const Deps& deps, const Actor& actor, const TaskQuery& query, const KeysetRequest& page);
// The caller's open tasks: overdue first, then due today, then upcoming.
Result<Page<MyTask>> my_tasks(const Deps& deps, const Actor& actor, const KeysetRequest& page);

inline constexpr const char* kTasksList = "tasks";
inline constexpr const char* kMyTasksList = "my-tasks";
inline constexpr const char* kNoSuchTask = "No such task.";

}  // namespace cma::app
