#include "app/authorization.hpp"
#include "app/cases/case_access.hpp"
#include "app/identity/staff.hpp"
#include "app/tasks/ports.hpp"
#include "app/tasks/task_rules.hpp"

namespace cma::app {

Result<Task> create_task(const Deps& deps, const Actor& actor, const TaskInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "task.create", "task");
  Task t;
  std::vector<FieldError> errors;
  task_rules::apply(in, true, t, errors);
  if (in.status && t.status != "open") errors.push_back({"status", "a new task is open"});
  auto tx = deps.db.begin(TxMode::write);
  // The centre: the case's, else the one asked for (admins), else the caller's own.
  std::optional<CentreScope> scope;
  if (in.case_id && !in.case_id->empty()) {
    auto found = find_case(*tx, actor.principal, *in.case_id);
    if (!found) return Error::invalid_field("caseId", "is not a case you can add a task to");
    if (in.centre_id && *in.centre_id != found->c.centre_id) errors.push_back({"centreId", "is not the case's centre"});
    t.case_id = found->c.id;
    scope = found->scope;
  } else if (in.centre_id && !in.centre_id->empty()) {
    scope = Tenancy::centre_within(actor.principal, *in.centre_id);
    if (!scope) return Error::invalid_field("centreId", "is not a centre you can add a task to");
  } else {
    scope = Tenancy::own_centre(actor.principal);
  }
  t.centre_id = scope->centre_id();
  // The assignee: as asked, or the caller when they work at that centre.
  t.assignee_id = in.assignee_id.value_or(actor.principal.centre_id() == t.centre_id ? actor.principal.user_id() : "");
  if (t.assignee_id.empty())
    errors.push_back({"assigneeId", "is required when the task is for another centre"});
  else if (auto problem = check_staff_member(*tx, *scope, t.assignee_id, "the task's"); !problem.empty())
    errors.push_back({"assigneeId", problem});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  t.id = deps.ids.next();
  t.created_by = actor.principal.user_id();
  t.created_at = t.updated_at = platform::format_time(deps.clock.now());
  tx->get<TaskRepository>().insert(t);
  append_audit(deps, *tx, actor.meta,
               {t.centre_id, actor.principal.user_id(), "task.create", "task", t.id, task_rules::diff(Task{}, t)});
  tx->commit();
  return t;
}

}  // namespace cma::app
