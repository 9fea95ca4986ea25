#include "store/tasks/repositories.hpp"

#include "app/tasks/ports.hpp"
#include "store/tasks/queries.hpp"

namespace cma::store::tasks {

namespace {

using db::write_guarded;

// A row of CMA_TASK_COLUMNS, in that order.
app::Task read_task(const db::Query& q) {
  app::Task t;
  q.read(0, t.id);
  q.read(1, t.centre_id);
  q.read(2, t.case_id);
  q.read(3, t.title);
  q.read(4, t.details);
  q.read(5, t.assignee_id);
  q.read(6, t.due_date);
  q.read(7, t.priority);
  q.read(8, t.status);
  q.read(9, t.created_by);
  q.read(10, t.completed_by);
  q.read(11, t.completed_at);
  q.read(12, t.created_at);
  q.read(13, t.updated_at);
  return t;
}

class Tasks final : public app::TaskRepository {
 public:
  explicit Tasks(db::Connection& c) : dialect_(c.dialect), statements_(c.statements) {}

  std::optional<app::Task> find(const app::Scope& scope, const std::string& id) override {
    const auto* centre = app::centre_of(scope);
    db::Query q(statements_, centre ? sql::kFindTask : sql::kFindTaskAnyCentre);
    q.bind("id", id);
    if (centre) q.bind("centre", *centre);
    if (!q.next()) return std::nullopt;
    return read_task(q);
  }

  std::optional<app::Task> find_for_update(const app::CentreScope& scope, const std::string& id) override {
    db::Query q(statements_, dialect_ == db::Dialect::postgresql ? sql::kFindTaskForUpdatePostgresql : sql::kFindTask);
    q.bind("id", id).bind("centre", scope.centre_id());
    if (!q.next()) return std::nullopt;
    return read_task(q);
  }

  void insert(const app::Task& t) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kInsertTask);
      q.bind("id", t.id).bind("centre", t.centre_id).bind("case_id", t.case_id).bind("created_by", t.created_by);
      q.bind("created", t.created_at);
      bind_fields(q, t);
      q.run();
    });
  }

  void update(const app::Task& t) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kUpdateTask);
      bind_fields(q, t);
      q.bind("id", t.id).bind("centre", t.centre_id).run();
    });
  }

  std::vector<app::Task> list(const app::CentreScope& scope, const app::TaskQuery& query,
                              const app::KeysetRequest& page) override {
    db::Query q(statements_, sql::kListTasks);
    q.bind("centre", scope.centre_id())
        .bind("case_id", query.case_id)
        .bind("assignee", query.assignee_id)
        .bind("status", query.status);
    return fetch(q, page);
  }

  std::vector<app::Task> open_for(const app::CentreScope& scope, const std::string& assignee_id,
                                  const app::KeysetRequest& page) override {
    db::Query q(statements_, sql::kListOpenTasksFor);
    q.bind("centre", scope.centre_id()).bind("assignee", assignee_id);
    return fetch(q, page);
  }

 private:
  // The columns an insert and an update both write.
  static void bind_fields(db::Query& q, const app::Task& t) {
    q.bind("title", t.title)
        .bind("details", t.details)
        .bind("assignee", t.assignee_id)
        .bind("due", t.due_date)
        .bind("priority", t.priority)
        .bind("status", t.status)
        .bind("completed_by", t.completed_by)
        .bind("completed_at", t.completed_at)
        .bind("updated", t.updated_at);
  }

  static std::vector<app::Task> fetch(db::Query& q, const app::KeysetRequest& page) {
    q.bind("after_due", page.has_cursor ? page.after_key : std::string())
        .bind("after_id", page.has_cursor ? page.after_id : std::string())
        .bind("limit", page.limit);
    std::vector<app::Task> out;
    while (q.next()) out.push_back(read_task(q));
    return out;
  }

  db::Dialect dialect_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::TaskRepository, Tasks>();
}

}  // namespace cma::store::tasks
