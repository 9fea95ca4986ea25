#include <boost/json.hpp>
#include <chrono>

#include "http/routes/routes.hpp"

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

  r.add_public("GET", "/api/v1/openapi.json", {}, [](Request&) {
    Response resp;
    resp.body = kOpenApiJson;
    return resp;
  });
}

}  // namespace cma::http::routes
