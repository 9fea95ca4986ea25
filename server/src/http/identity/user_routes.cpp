#include "app/identity/users.hpp"
#include "http/identity/json.hpp"
#include "http/json_fields.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

namespace {
app::UserInput read_user(const Request& req) {
  FieldReader f(req.json, {"centreId", "email", "firstName", "lastName", "role", "password"});
  app::UserInput in{f.text("centreId"),
                    f.text("email"),
                    f.text("firstName"),
                    f.text("lastName"),
                    f.text("role"),
                    f.text("password"),
                    {}};
  in.shape_errors = f.take_errors();
  return in;
}
}  // namespace

void add_user_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/users", {}, [&s](Request& req, const Caller& c) {
    auto page = page_request(req);
    if (!page) return problem(page.error(), req);
    auto result = app::list_users(s.deps, c.actor, req.query_value("centreId").value_or(""), *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  r.add("POST", "/api/v1/users", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::create_user(s.deps, c.actor, read_user(req)), req, 201);
  });
  r.add("GET", "/api/v1/users/{id}", {},
        [&s](Request& req, const Caller& c) { return reply(app::get_user(s.deps, c.actor, req.param("id")), req); });
  r.add("PATCH", "/api/v1/users/{id}", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::update_user(s.deps, c.actor, req.param("id"), read_user(req)), req);
  });
  r.add("POST", "/api/v1/users/{id}/deactivate", {}, [&s](Request& req, const Caller& c) {
    return reply(app::deactivate_user(s.deps, c.actor, req.param("id")), req);
  });
  r.add("POST", "/api/v1/users/{id}/reactivate", {}, [&s](Request& req, const Caller& c) {
    return reply(app::reactivate_user(s.deps, c.actor, req.param("id")), req);
  });
}

}  // namespace cma::http::routes
