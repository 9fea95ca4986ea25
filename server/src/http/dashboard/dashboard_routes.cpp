#include "app/dashboard/dashboard.hpp"
#include "http/dashboard/json.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

namespace {
bool wants_csv(const Request& req) {
  auto format = req.query_value("format").value_or("");
  return format == "csv" || (format.empty() && req.accept.find("text/csv") != std::string::npos);
}
}  // namespace

void add_dashboard_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/dashboard", {}, [&s](Request& req, const Caller& c) {
    auto format = req.query_value("format").value_or("");
    if (!format.empty() && format != "csv" && format != "json")
      return problem(Error::invalid_field("format", "must be json or csv"), req);
    auto result = app::get_dashboard(s.deps, c.actor, req.query_value("centreId").value_or(""),
                                     req.query_value("adviserId").value_or(""));
    if (!result || !wants_csv(req)) return reply(result, req);
    Response resp{200, "text/csv; charset=utf-8", dashboard_csv(*result), {}, "", nullptr};
    resp.headers.emplace_back("Content-Disposition", "attachment; filename=\"dashboard.csv\"");
    return resp;
  });
  r.add("GET", "/api/v1/centres/{id}/dashboard-check", {}, [&s](Request& req, const Caller& c) {
    return reply(app::check_dashboard(s.deps, c.actor, req.param("id"), false), req);
  });
  r.add("POST", "/api/v1/centres/{id}/dashboard-repair", {.body = BodyKind::json_optional},
        [&s](Request& req, const Caller& c) {
          return reply(app::check_dashboard(s.deps, c.actor, req.param("id"), true), req);
        });
}

}  // namespace cma::http::routes
