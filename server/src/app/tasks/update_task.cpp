#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/identity/staff.hpp"
#include "app/lookup.hpp"
#include "app/tasks/ports.hpp"
#include "app/tasks/task_rules.hpp"
#include "domain/tasks/task_rules.hpp"

namespace cma::app {

Result<Task> update_task(const Deps& deps, const Actor& actor, const std::string& id, const TaskInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "task.update", "task", id);
  std::vector<FieldError> errors;
  if (in.case_id) errors.push_back({"caseId", "cannot be changed; add a new task instead"});
  if (in.centre_id) errors.push_back({"centreId", "cannot be changed; add a new task instead"});
  auto tx = deps.db.begin(TxMode::write);
  auto& tasks = tx->get<TaskRepository>();
  auto found = find_in_scope(tasks, Tenancy::of(actor.principal), id, kNoSuchTask);
  if (!found) return found.error();
  auto scope = Tenancy::centre_within(actor.principal, found->centre_id);
  auto before = tasks.find_for_update(*scope, id);
  if (!before) return Error::not_found(kNoSuchTask);
  Task after = *before;
  task_rules::apply(in, false, after, errors);
  if (in.assignee_id) {
    if (auto problem = check_staff_member(*tx, *scope, *in.assignee_id, "the task's"); !problem.empty())
      errors.push_back({"assigneeId", problem});
    else
      after.assignee_id = *in.assignee_id;
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto changes = task_rules::diff(*before, after);
  if (changes.empty()) return after;
  auto now = platform::format_time(deps.clock.now());
  if (after.status != before->status) {
    after.completed_by = after.status == "done" ? actor.principal.user_id() : "";
    after.completed_at = after.status == "done" ? now : "";
  }
  after.updated_at = now;
  tasks.update(after);
  auto action =
      domain::task_change_action(*domain::parse_task_status(before->status), *domain::parse_task_status(after.status),
                                 before->assignee_id != after.assignee_id);
  append_audit(
      deps, *tx, actor.meta,
      {after.centre_id, actor.principal.user_id(), std::string(action), "task", id, task_rules::diff(*before, after)});
  tx->commit();
  return after;
}

}  // namespace cma::app
