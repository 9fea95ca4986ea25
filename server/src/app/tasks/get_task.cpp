#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/cases/case_access.hpp"
#include "app/tasks/ports.hpp"
#include "app/tasks/tasks.hpp"
#include "domain/diary/london_time.hpp"
#include "domain/tasks/task_rules.hpp"

namespace cma::app {

namespace {
auto task_key(const Task& t) {
  return t.due_date;
}
auto task_id(const Task& t) {
  return t.id;
}
bool valid_cursor(const KeysetRequest& page) {
  return !page.has_cursor || domain::parse_date(page.after_key).has_value();
}
}  // namespace

Result<Task> get_task(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "task.read", "task", id);
  auto tx = deps.db.begin(TxMode::read);
  return find_in_scope(tx->get<TaskRepository>(), Tenancy::of(actor.principal), id, kNoSuchTask);
}

Result<Page<Task>> list_tasks(const Deps& deps, const Actor& actor, const TaskQuery& query, const KeysetRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "task.list", "task");
  std::vector<FieldError> errors;
  if (!valid_cursor(page)) errors.push_back({"cursor", "is not a cursor this list returned"});
  if (!query.status.empty() && !domain::parse_task_status(query.status))
    errors.push_back({"status", "must be one of open, done, cancelled"});
  if (!query.assignee_id.empty() && !platform::is_uuid(query.assignee_id))
    errors.push_back({"assigneeId", "must be a user id"});
  std::optional<CentreScope> scope;
  if (!query.centre_id.empty()) {
    scope = Tenancy::centre_within(actor.principal, query.centre_id);
    if (!scope) errors.push_back({"centreId", "is not a centre you can see"});
  } else if (domain::is_network_wide(actor.principal.role())) {
    errors.push_back({"centreId", "is required for a network-wide role"});
  } else {
    scope = Tenancy::own_centre(actor.principal);
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto tx = deps.db.begin(TxMode::read);
  if (!query.case_id.empty()) {
    auto found = find_case(*tx, actor.principal, query.case_id);
    if (!found || found->c.centre_id != scope->centre_id()) return Error::not_found("No such case.");
  }
  KeysetRequest fetch = page;
  fetch.limit = page.limit + 1;
  auto rows = tx->get<TaskRepository>().list(*scope, query, fetch);
  return make_keyset_page(std::move(rows), kTasksList, page.limit, task_key, task_id);
}

Result<Page<MyTask>> my_tasks(const Deps& deps, const Actor& actor, const KeysetRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "task.list", "task");
  if (!valid_cursor(page)) return Error::invalid_field("cursor", "is not a cursor this list returned");
  auto today = domain::london_date(
      std::chrono::duration_cast<std::chrono::seconds>(deps.clock.now().time_since_epoch()).count());
  auto tx = deps.db.begin(TxMode::read);
  KeysetRequest fetch = page;
  fetch.limit = page.limit + 1;
  auto rows =
      tx->get<TaskRepository>().open_for(Tenancy::own_centre(actor.principal), actor.principal.user_id(), fetch);
  auto tasks = make_keyset_page(std::move(rows), kMyTasksList, page.limit, task_key, task_id);
  Page<MyTask> out;
  out.next_cursor = std::move(tasks.next_cursor);
  for (auto& t : tasks.items) {
    auto due = domain::parse_date(t.due_date).value_or(today);
    auto bucket = std::string(domain::to_string(domain::due_bucket(due, today)));
    out.items.push_back({std::move(t), std::move(bucket)});
  }
  return out;
}

}  // namespace cma::app
