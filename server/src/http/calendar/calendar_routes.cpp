#include "app/calendar/calendar.hpp"
#include "http/calendar/json.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

void add_calendar_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/me/calendar-feed", {},
        [&s](Request& req, const Caller& c) { return reply(app::calendar_feed_status(s.deps, c.actor), req); });
  r.add("POST", "/api/v1/me/calendar-feed", {.body = BodyKind::json_optional}, [&s](Request& req, const Caller& c) {
    auto resp = reply(app::issue_calendar_feed(s.deps, c.actor), req, 201);
    resp.headers.emplace_back("Cache-Control", "no-store");
    return resp;
  });
  r.add("DELETE", "/api/v1/me/calendar-feed", {},
        [&s](Request& req, const Caller& c) { return reply(app::revoke_calendar_feed(s.deps, c.actor), req); });
  // The feed itself: the secret in the path is the only credential, as calendar programs send no
  // other. The access log records the route template, never the path that holds it.
  r.add_public("GET", "/ical/{file}", {}, [&s](Request& req) {
    const auto& file = req.param("file");
    constexpr std::string_view kSuffix = ".ics";
    std::string token;
    if (file.size() > kSuffix.size() && file.compare(file.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0)
      token = file.substr(0, file.size() - kSuffix.size());
    auto text = app::read_calendar_feed(s.deps, token);
    if (!text) return problem(text.error(), req);
    Response resp{200, "text/calendar; charset=utf-8", std::move(*text), {}, "", nullptr};
    resp.headers.emplace_back("Cache-Control", "private, no-cache");
    resp.headers.emplace_back("Content-Disposition", "inline; filename=\"diary.ics\"");
    return resp;
  });
}

}  // namespace cma::http::routes
