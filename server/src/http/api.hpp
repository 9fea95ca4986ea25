#pragma once
// The HTTP API: every route, and the request pipeline that runs one (authentication, body checks,
// the handler, error mapping). Runs on a database worker thread, never on a network thread.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "app/auth/auth_service.hpp"
#include "app/context.hpp"
#include "app/limits/rate_limiter.hpp"
#include "http/router.hpp"

namespace cma::http {

struct Services {
  app::Deps deps;
  app::AuthService& auth;
  std::string version;
  std::function<bool()> draining;  // true once shutdown has begun: /health answers 503
  // GET /metrics answers only when both are set, and only to this bearer token
  // (docs/operations.md, "Metrics and traces"); otherwise it is a 404 like any unknown path.
  std::string metrics_token = {};
  std::function<std::string()> metrics_text = {};  // the Prometheus text exposition
  // Authenticated calls count against limits.api_per_user (docs/redis.md); none = no limit.
  app::RateLimiter* limiter = nullptr;
  app::RateLimits limits = {};
  // The largest document (DOCUMENT_MAX_BYTES), for the direct uploads' declared sizes.
  std::uint64_t document_max_bytes = 25ull * 1024 * 1024;
};

class Api {
 public:
  explicit Api(Services services);
  // Matches, authenticates, checks and parses the body, runs the handler. Never throws.
  Response handle(Request& req) const;
  const Router& router() const { return router_; }

 private:
  // The Caller for a bearer access token, or why there is none (401).
  Result<Caller> authenticate(const Request& req) const;

  Services services_;
  Router router_;
};

// The contract, as embedded at build time from api/openapi.yaml.
extern const char* const kOpenApiJson;

}  // namespace cma::http
