#include "app/webhooks/webhooks.hpp"
#include "http/json_fields.hpp"
#include "http/routes/routes.hpp"
#include "http/webhooks/json.hpp"

namespace cma::http::routes {

namespace {
app::WebhookInput read_webhook(const Request& req) {
  FieldReader f(req.json, {"centreId", "url", "events", "description", "active"});
  app::WebhookInput in;
  in.centre_id = f.text("centreId");
  in.url = f.text("url");
  in.events = f.text_list("events", 16);
  in.description = f.text("description");
  in.active = f.boolean("active");
  in.shape_errors = f.take_errors();
  return in;
}
}  // namespace

void add_webhook_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/webhooks", {}, [&s](Request& req, const Caller& c) {
    auto page = page_request(req);
    if (!page) return problem(page.error(), req);
    auto result = app::list_webhooks(s.deps, c.actor, *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  r.add("POST", "/api/v1/webhooks", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::create_webhook(s.deps, c.actor, read_webhook(req)), req, 201);
  });
  r.add("GET", "/api/v1/webhooks/{id}", {},
        [&s](Request& req, const Caller& c) { return reply(app::get_webhook(s.deps, c.actor, req.param("id")), req); });
  r.add("PATCH", "/api/v1/webhooks/{id}", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::update_webhook(s.deps, c.actor, req.param("id"), read_webhook(req)), req);
  });
  r.add("DELETE", "/api/v1/webhooks/{id}", {}, [&s](Request& req, const Caller& c) {
    auto result = app::delete_webhook(s.deps, c.actor, req.param("id"));
    if (!result) return problem(result.error(), req);
    return Response::no_content();
  });
  r.add("POST", "/api/v1/webhooks/{id}/rotate-secret", {}, [&s](Request& req, const Caller& c) {
    return reply(app::rotate_webhook_secret(s.deps, c.actor, req.param("id")), req);
  });
  r.add("GET", "/api/v1/webhooks/{id}/deliveries", {}, [&s](Request& req, const Caller& c) {
    auto page = page_request(req);
    if (!page) return problem(page.error(), req);
    auto result = app::list_webhook_deliveries(s.deps, c.actor, req.param("id"), *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  r.add("POST", "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", {}, [&s](Request& req, const Caller& c) {
    return reply(app::redeliver_webhook(s.deps, c.actor, req.param("id"), req.param("deliveryId")), req, 202);
  });
  r.add("POST", "/api/v1/webhooks/{id}/ping", {}, [&s](Request& req, const Caller& c) {
    return reply(app::ping_webhook(s.deps, c.actor, req.param("id")), req, 202);
  });
}

}  // namespace cma::http::routes
