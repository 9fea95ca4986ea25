#include "app/tasks/task_rules.hpp"

#include "domain/diary/london_time.hpp"
#include "domain/identity/validation.hpp"
#include "domain/tasks/task_rules.hpp"

namespace cma::app::task_rules {

void apply(const TaskInput& in, bool creating, Task& t, std::vector<FieldError>& errors) {
  errors.insert(errors.end(), in.shape_errors.begin(), in.shape_errors.end());
  if (in.title) {
    if (auto e = domain::check_text(*in.title, 200))
      errors.push_back({"title", *e});
    else
      t.title = domain::trim(*in.title);
  } else if (creating) {
    errors.push_back({"title", "is required"});
  }
  if (in.details) {
    if (auto e = domain::check_multiline_text(*in.details, 5000, false))
      errors.push_back({"details", *e});
    else
      t.details = domain::trim(*in.details);
  }
  if (in.due_date) {
    if (domain::parse_date(*in.due_date))
      t.due_date = *in.due_date;
    else
      errors.push_back({"dueDate", "must be a date like 2026-12-01"});
  } else if (creating) {
    errors.push_back({"dueDate", "is required"});
  }
  if (in.priority) {
    if (domain::parse_task_priority(*in.priority))
      t.priority = *in.priority;
    else
      errors.push_back({"priority", "must be one of urgent, high, normal, low"});
  }
  if (in.status) {
    if (domain::parse_task_status(*in.status))
      t.status = *in.status;
    else
      errors.push_back({"status", "must be one of open, done, cancelled"});
  }
}

ChangeSet diff(const Task& b, const Task& a) {
  ChangeSet cs = b.id.empty() ? ChangeSet::for_creation() : ChangeSet();
  cs.set("caseId", b.case_id, a.case_id)
      .set("title", b.title, a.title)
      .set("assigneeId", b.assignee_id, a.assignee_id)
      .set("dueDate", b.due_date, a.due_date)
      .set("priority", b.priority, a.priority)
      .set("status", b.status, a.status);
  if (b.details != a.details) cs.redacted("details");
  return cs;
}

}  // namespace cma::app::task_rules
