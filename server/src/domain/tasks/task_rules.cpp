#include "domain/tasks/task_rules.hpp"

namespace cma::domain {

std::string_view to_string(TaskStatus s) {
  switch (s) {
    case TaskStatus::open:
      return "open";
    case TaskStatus::done:
      return "done";
    case TaskStatus::cancelled:
      return "cancelled";
  }
  return "open";
}

std::optional<TaskStatus> parse_task_status(std::string_view s) {
  for (auto v : {TaskStatus::open, TaskStatus::done, TaskStatus::cancelled})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::string_view to_string(TaskPriority p) {
  switch (p) {
    case TaskPriority::urgent:
      return "urgent";
    case TaskPriority::high:
      return "high";
    case TaskPriority::normal:
      return "normal";
    case TaskPriority::low:
      return "low";
  }
  return "normal";
}

std::optional<TaskPriority> parse_task_priority(std::string_view s) {
  for (auto v : {TaskPriority::urgent, TaskPriority::high, TaskPriority::normal, TaskPriority::low})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::string_view to_string(DueBucket b) {
  switch (b) {
    case DueBucket::overdue:
      return "overdue";
    case DueBucket::today:
      return "today";
    case DueBucket::upcoming:
      return "upcoming";
  }
  return "upcoming";
}

DueBucket due_bucket(CivilDate due, CivilDate today) {
  auto d = days_from_civil(due), t = days_from_civil(today);
  if (d < t) return DueBucket::overdue;
  if (d == t) return DueBucket::today;
  return DueBucket::upcoming;
}

std::string_view task_change_action(TaskStatus before, TaskStatus after, bool reassigned) {
  if (before != after) {
    if (after == TaskStatus::done) return "task.complete";
    if (after == TaskStatus::cancelled) return "task.cancel";
    return "task.reopen";
  }
  return reassigned ? "task.reassign" : "task.update";
}

}  // namespace cma::domain
