#include "app/solutions/solutions.hpp"
#include "http/routes/routes.hpp"
#include "http/solutions/json.hpp"

namespace cma::http::routes {

void add_solution_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/cases/{id}/solutions", {}, [&s](Request& req, const Caller& c) {
    return reply(app::screen_case(s.deps, c.actor, req.param("id"), req.query_value("date").value_or("")), req);
  });
}

}  // namespace cma::http::routes
