#pragma once
// Tasks: what someone at a centre has to do by a date, for a case or for the centre. "My tasks"
// puts overdue ones first, then today's, then the rest, by the London calendar.
#include <optional>
#include <string>
#include <string_view>

#include "domain/diary/london_time.hpp"

namespace cma::domain {

enum class TaskStatus { open, done, cancelled };
std::string_view to_string(TaskStatus s);
std::optional<TaskStatus> parse_task_status(std::string_view s);

enum class TaskPriority { urgent, high, normal, low };
std::string_view to_string(TaskPriority p);
std::optional<TaskPriority> parse_task_priority(std::string_view s);

enum class DueBucket { overdue, today, upcoming };
std::string_view to_string(DueBucket b);
// Where a task due on `due` stands on `today` (both London dates).
DueBucket due_bucket(CivilDate due, CivilDate today);

// What a change of status or assignee is called in the audit trail: completing, cancelling,
// reopening and reassigning are each their own action; anything else is an update.
std::string_view task_change_action(TaskStatus before, TaskStatus after, bool reassigned);

}  // namespace cma::domain
