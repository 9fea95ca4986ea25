#include <boost/json.hpp>
#include <chrono>

#include "http/routes/routes.hpp"
#include "platform/crypto.hpp"
#include "platform/metrics.hpp"

namespace cma::http::routes {

namespace json = boost::json;

void add_system_routes(Router& r, const Services& s) {
  // The load balancer's target check: 200 only while the process serves and its database answers.
  r.add_public("GET", "/health", {}, [&s](Request&) {
    auto start = std::chrono::steady_clock::now();
    bool db_ok = s.deps.db.ping();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    bool draining = s.draining && s.draining();
    bool ok = db_ok && !draining;
    json::object checks{{"database", json::object{{"status", db_ok ? "ok" : "failing"}, {"latencyMs", ms}}}};
    if (draining) checks["server"] = json::object{{"status", "draining"}};
    auto resp =
        Response::json(ok ? 200 : 503,
                       json::object{{"status", ok ? "ok" : "unavailable"}, {"version", s.version}, {"checks", checks}});
    resp.headers.emplace_back("Cache-Control", "no-store");
    return resp;
  });

  // For a Prometheus scraper that holds METRICS_TOKEN; without the setting the route does not exist.
  r.add_public("GET", "/metrics", {}, [&s](Request& req) {
    if (s.metrics_token.empty() || !s.metrics_text)
      return problem(404, "Not found", "There is no route for " + req.path + ".", req);
    constexpr std::string_view prefix = "Bearer ";
    std::string_view auth = req.authorization;
    bool allowed = auth.size() > prefix.size() && auth.substr(0, prefix.size()) == prefix &&
                   platform::constant_time_equal(auth.substr(prefix.size()), s.metrics_token);
    if (!allowed) {
      auto resp = problem(401, "Unauthorized", "Send the metrics token: Authorization: Bearer <token>.", req);
      resp.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"metrics\"");
      return resp;
    }
    Response resp;
    resp.content_type = platform::metrics::kPrometheusContentType;
    resp.body = s.metrics_text();
    resp.headers.emplace_back("Cache-Control", "no-store");
    return resp;
  });

  r.add_public("GET", "/api/v1/openapi.json", {}, [](Request&) {
    Response resp;
    resp.body = kOpenApiJson;
    return resp;
  });
}

}  // namespace cma::http::routes
