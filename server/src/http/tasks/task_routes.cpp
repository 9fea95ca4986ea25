#include "app/tasks/tasks.hpp"
#include "http/json_fields.hpp"
#include "http/routes/routes.hpp"
#include "http/tasks/json.hpp"

namespace cma::http::routes {

namespace {
app::TaskInput read_task(const Request& req) {
  FieldReader f(req.json, {"centreId", "caseId", "title", "details", "assigneeId", "dueDate", "priority", "status"});
  app::TaskInput in;
  in.centre_id = f.text("centreId");
  in.case_id = f.text("caseId");
  in.title = f.text("title");
  in.details = f.text("details");
  in.assignee_id = f.text("assigneeId");
  in.due_date = f.text("dueDate");
  in.priority = f.text("priority");
  in.status = f.text("status");
  in.shape_errors = f.take_errors();
  return in;
}
}  // namespace

void add_task_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/tasks", {}, [&s](Request& req, const Caller& c) {
    auto page = keyset_request(req, app::kTasksList);
    if (!page) return problem(page.error(), req);
    app::TaskQuery query;
    query.centre_id = req.query_value("centreId").value_or("");
    query.case_id = req.query_value("caseId").value_or("");
    query.assignee_id = req.query_value("assigneeId").value_or("");
    query.status = req.query_value("status").value_or("");
    auto result = app::list_tasks(s.deps, c.actor, query, *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  r.add("POST", "/api/v1/tasks", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::create_task(s.deps, c.actor, read_task(req)), req, 201);
  });
  r.add("GET", "/api/v1/tasks/{id}", {},
        [&s](Request& req, const Caller& c) { return reply(app::get_task(s.deps, c.actor, req.param("id")), req); });
  r.add("PATCH", "/api/v1/tasks/{id}", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::update_task(s.deps, c.actor, req.param("id"), read_task(req)), req);
  });
  r.add("GET", "/api/v1/me/tasks", {}, [&s](Request& req, const Caller& c) {
    auto page = keyset_request(req, app::kMyTasksList);
    if (!page) return problem(page.error(), req);
    auto result = app::my_tasks(s.deps, c.actor, *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
}

}  // namespace cma::http::routes
