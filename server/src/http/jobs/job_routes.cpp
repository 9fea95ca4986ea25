#include "app/jobs/jobs.hpp"
#include "http/jobs/json.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

void add_job_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/jobs", {}, [&s](Request& req, const Caller& c) {
    auto page = page_request(req);
    if (!page) return problem(page.error(), req);
    app::JobQuery query;
    query.state = req.query_value("state").value_or("");
    query.kind = req.query_value("kind").value_or("");
    auto result = app::list_jobs(s.deps, c.actor, query, *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  r.add("GET", "/api/v1/jobs/{id}", {},
        [&s](Request& req, const Caller& c) { return reply(app::get_job(s.deps, c.actor, req.param("id")), req); });
  r.add("POST", "/api/v1/jobs/{id}/retry", {},
        [&s](Request& req, const Caller& c) { return reply(app::retry_job(s.deps, c.actor, req.param("id")), req); });
  r.add("POST", "/api/v1/jobs/{id}/cancel", {},
        [&s](Request& req, const Caller& c) { return reply(app::cancel_job(s.deps, c.actor, req.param("id")), req); });
}

}  // namespace cma::http::routes
