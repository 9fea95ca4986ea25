#pragma once
// Shared by the task use cases.
#include <string>
#include <vector>

#include "app/audit/audit_log.hpp"
#include "app/tasks/tasks.hpp"
#include "app/tenancy.hpp"
#include "app/unit_of_work.hpp"

namespace cma::app::task_rules {

// Checks the task's own fields present in `in` (not the references: case, centre, assignee) and
// writes them into `t`; missing required fields are errors when `creating`.
void apply(const TaskInput& in, bool creating, Task& t, std::vector<FieldError>& errors);

ChangeSet diff(const Task& before, const Task& after);

}  // namespace cma::app::task_rules
