#include "app/cases/cases.hpp"
#include "http/cases/json.hpp"
#include "http/json_fields.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

namespace {
app::CaseInput read_case(const Request& req) {
  FieldReader f(req.json, {"clientId", "adviserId", "priority", "summary", "nextReviewDate", "assets", "vehicleValue",
                           "vehicleAdapted", "homeowner", "connectedToEnglandOrWales", "droInLastSixYears",
                           "bankruptInLastFiveYears", "breathingSpaceInLastYear", "mentalHealthCrisis"});
  app::CaseInput in;
  in.client_id = f.text("clientId");
  in.adviser_id = f.text("adviserId");
  in.priority = f.text("priority");
  in.summary = f.text("summary");
  in.next_review_date = f.text("nextReviewDate");
  in.assets = f.pence("assets");
  in.vehicle_value = f.pence("vehicleValue");
  in.vehicle_adapted = f.boolean("vehicleAdapted");
  in.homeowner = f.boolean("homeowner");
  in.connected_to_england_or_wales = f.boolean("connectedToEnglandOrWales");
  in.dro_in_last_six_years = f.boolean("droInLastSixYears");
  in.bankrupt_in_last_five_years = f.boolean("bankruptInLastFiveYears");
  in.breathing_space_in_last_year = f.boolean("breathingSpaceInLastYear");
  in.mental_health_crisis = f.boolean("mentalHealthCrisis");
  in.shape_errors = f.take_errors();
  return in;
}

app::TransitionInput read_transition(const Request& req) {
  FieldReader f(req.json, {"to", "outcome", "closureReason", "reason", "complianceOverrideReason"});
  app::TransitionInput in{f.text("to"),
                          f.text("outcome"),
                          f.text("closureReason"),
                          f.text("reason"),
                          f.text("complianceOverrideReason"),
                          {}};
  in.shape_errors = f.take_errors();
  return in;
}
}  // namespace

void add_case_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/cases", {}, [&s](Request& req, const Caller& c) {
    auto sort = app::parse_case_sort(req.query_value("sort").value_or(""));
    if (!sort) return problem(Error::invalid_field("sort", "must be one of -opened, opened, reference"), req);
    auto page = keyset_request(req, app::case_list_name(*sort));
    if (!page) return problem(page.error(), req);
    app::CaseQuery query;
    query.centre_id = req.query_value("centreId").value_or("");
    query.status = req.query_value("status").value_or("");
    query.adviser_id = req.query_value("adviserId").value_or("");
    query.priority = req.query_value("priority").value_or("");
    query.opened_from = req.query_value("openedFrom").value_or("");
    query.opened_to = req.query_value("openedTo").value_or("");
    query.text = req.query_value("q").value_or("");
    query.sort = *sort;
    auto result = app::list_cases(s.deps, c.actor, query, *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  r.add("POST", "/api/v1/cases", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::open_case(s.deps, c.actor, read_case(req)), req, 201);
  });
  r.add("GET", "/api/v1/cases/{id}", {},
        [&s](Request& req, const Caller& c) { return reply(app::get_case(s.deps, c.actor, req.param("id")), req); });
  r.add("PATCH", "/api/v1/cases/{id}", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::update_case(s.deps, c.actor, req.param("id"), read_case(req)), req);
  });
  r.add("POST", "/api/v1/cases/{id}/transitions", {.body = BodyKind::json_required},
        [&s](Request& req, const Caller& c) {
          return reply(app::transition_case(s.deps, c.actor, req.param("id"), read_transition(req)), req);
        });
}

}  // namespace cma::http::routes
