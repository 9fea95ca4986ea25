#include "app/retention/retention.hpp"
#include "http/retention/json.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

void add_retention_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/admin/retention/report", {}, [&s](Request& req, const Caller& c) {
    return reply(app::retention_report(s.deps, c.actor, req.query_value("centreId").value_or("")), req);
  });
}

}  // namespace cma::http::routes
