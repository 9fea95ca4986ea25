#include "http/tasks/json.hpp"

namespace cma::http {

namespace {
void write_fields(JsonWriter& w, const app::Task& t) {
  w.field("id", t.id)
      .field("centreId", t.centre_id)
      .nullable("caseId", t.case_id)
      .field("title", t.title)
      .field("details", t.details)
      .field("assigneeId", t.assignee_id)
      .field("dueDate", t.due_date)
      .field("priority", t.priority)
      .field("status", t.status)
      .field("createdBy", t.created_by)
      .nullable("completedBy", t.completed_by)
      .nullable("completedAt", t.completed_at)
      .field("createdAt", t.created_at)
      .field("updatedAt", t.updated_at);
}
}  // namespace

void Json<app::Task>::write(JsonWriter& w, const app::Task& t) {
  w.begin_object();
  write_fields(w, t);
  w.end_object();
}

void Json<app::MyTask>::write(JsonWriter& w, const app::MyTask& t) {
  w.begin_object();
  write_fields(w, t.task);
  w.field("bucket", t.bucket).end_object();
}

}  // namespace cma::http
