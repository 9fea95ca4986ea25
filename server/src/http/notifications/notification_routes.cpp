#include "app/notifications/notifications.hpp"
#include "http/notifications/json.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

void add_notification_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/me/notifications", {}, [&s](Request& req, const Caller& c) {
    auto page = page_request(req);
    if (!page) return problem(page.error(), req);
    auto unread = req.query_value("unread").value_or("");
    if (unread != "" && unread != "true" && unread != "false")
      return problem(Error::invalid_field("unread", "must be true or false"), req);
    auto result = app::list_my_notifications(s.deps, c.actor, unread == "true", *page);
    if (!result) return problem(result.error(), req);
    const auto& list = result.value();
    JsonWriter w(256 + list.page.items.size() * 512);
    w.begin_object().key("items").begin_array();
    for (const auto& n : list.page.items) write_json(w, n);
    w.end_array().nullable("nextCursor", list.page.next_cursor).field("unreadCount", list.unread).end_object();
    return Response::json_text(200, w.take());
  });
  r.add("POST", "/api/v1/me/notifications/read-all", {.body = BodyKind::json_optional},
        [&s](Request& req, const Caller& c) { return reply(app::read_all_my_notifications(s.deps, c.actor), req); });
  r.add("POST", "/api/v1/me/notifications/{id}/read", {.body = BodyKind::json_optional},
        [&s](Request& req, const Caller& c) {
          return reply(app::read_my_notification(s.deps, c.actor, req.param("id")), req);
        });
}

}  // namespace cma::http::routes
