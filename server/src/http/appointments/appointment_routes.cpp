#include "app/appointments/appointments.hpp"
#include "http/appointments/json.hpp"
#include "http/json_fields.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

namespace {
app::AppointmentInput read_appointment(const Request& req) {
  FieldReader f(req.json, {"clientId", "caseId", "adviserId", "start", "durationMinutes", "mode", "location",
                           "preparation", "status", "outcome", "followUpDate"});
  app::AppointmentInput in;
  in.client_id = f.text("clientId");
  in.case_id = f.text("caseId");
  in.adviser_id = f.text("adviserId");
  in.start = f.text("start");
  in.duration_minutes = f.integer("durationMinutes", 1, 24 * 60);
  in.mode = f.text("mode");
  in.location = f.text("location");
  in.preparation = f.text("preparation");
  in.status = f.text("status");
  in.outcome = f.text("outcome");
  in.follow_up_date = f.text("followUpDate");
  in.shape_errors = f.take_errors();
  return in;
}
}  // namespace

void add_appointment_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/appointments", {}, [&s](Request& req, const Caller& c) {
    auto page = keyset_request(req, app::kAppointmentsList);
    if (!page) return problem(page.error(), req);
    app::AppointmentQuery query;
    query.centre_id = req.query_value("centreId").value_or("");
    query.client_id = req.query_value("clientId").value_or("");
    query.case_id = req.query_value("caseId").value_or("");
    query.adviser_id = req.query_value("adviserId").value_or("");
    query.status = req.query_value("status").value_or("");
    query.from = req.query_value("from").value_or("");
    query.to = req.query_value("to").value_or("");
    auto result = app::list_appointments(s.deps, c.actor, query, *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  r.add("POST", "/api/v1/appointments", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::book_appointment(s.deps, c.actor, read_appointment(req)), req, 201);
  });
  r.add("GET", "/api/v1/appointments/{id}", {}, [&s](Request& req, const Caller& c) {
    return reply(app::get_appointment(s.deps, c.actor, req.param("id")), req);
  });
  r.add("PATCH", "/api/v1/appointments/{id}", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::update_appointment(s.deps, c.actor, req.param("id"), read_appointment(req)), req);
  });
  r.add("GET", "/api/v1/diary", {}, [&s](Request& req, const Caller& c) {
    auto page = keyset_request(req, app::kAppointmentsList);
    if (!page) return problem(page.error(), req);
    app::DiaryRequest request;
    request.date = req.query_value("date").value_or("");
    request.view = req.query_value("view").value_or("");
    request.adviser_id = req.query_value("adviserId").value_or("");
    request.centre_id = req.query_value("centreId").value_or("");
    auto result = app::diary(s.deps, c.actor, request, *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
}

}  // namespace cma::http::routes
