#include "app/identity/centres.hpp"
#include "http/identity/json.hpp"
#include "http/json_fields.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

namespace {
app::CentreInput read_centre(const Request& req) {
  FieldReader f(req.json, {"name", "code", "address", "contactEmail", "contactPhone", "settings"});
  app::CentreInput in{f.text("name"),
                      f.text("code"),
                      f.text("address"),
                      f.text("contactEmail"),
                      f.text("contactPhone"),
                      f.object_text("settings"),
                      {}};
  in.shape_errors = f.take_errors();
  return in;
}
}  // namespace

void add_centre_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/centres", {}, [&s](Request& req, const Caller& c) {
    auto page = page_request(req);
    if (!page) return problem(page.error(), req);
    auto result = app::list_centres(s.deps, c.actor, *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  r.add("POST", "/api/v1/centres", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::create_centre(s.deps, c.actor, read_centre(req)), req, 201);
  });
  r.add("GET", "/api/v1/centres/{id}", {},
        [&s](Request& req, const Caller& c) { return reply(app::get_centre(s.deps, c.actor, req.param("id")), req); });
  r.add("PATCH", "/api/v1/centres/{id}", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::update_centre(s.deps, c.actor, req.param("id"), read_centre(req)), req);
  });
  r.add("POST", "/api/v1/centres/{id}/deactivate", {}, [&s](Request& req, const Caller& c) {
    return reply(app::deactivate_centre(s.deps, c.actor, req.param("id")), req);
  });
}

}  // namespace cma::http::routes
