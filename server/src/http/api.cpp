#include "http/api.hpp"

#include <boost/json.hpp>

#include "http/documents/upload.hpp"
#include "http/json_fields.hpp"
#include "http/routes/routes.hpp"
#include "platform/log.hpp"
#include "platform/utf8.hpp"

namespace cma::http {

namespace json = boost::json;

Api::Api(Services services) : services_(std::move(services)) {
  routes::add_system_routes(router_, services_);
  routes::add_auth_routes(router_, services_);
  routes::add_centre_routes(router_, services_);
  routes::add_user_routes(router_, services_);
  routes::add_audit_routes(router_, services_);
  routes::add_client_routes(router_, services_);
  routes::add_case_routes(router_, services_);
  routes::add_debt_routes(router_, services_);
  routes::add_budget_routes(router_, services_);
  routes::add_offer_routes(router_, services_);
  routes::add_solution_routes(router_, services_);
  routes::add_note_routes(router_, services_);
  routes::add_task_routes(router_, services_);
  routes::add_appointment_routes(router_, services_);
  routes::add_calendar_routes(router_, services_);
  routes::add_compliance_routes(router_, services_);
  routes::add_dashboard_routes(router_, services_);
  routes::add_search_routes(router_, services_);
  routes::add_job_routes(router_, services_);
  routes::add_document_routes(router_, services_);
  routes::add_webhook_routes(router_, services_);
  routes::add_notification_routes(router_, services_);
  routes::add_retention_routes(router_, services_);
}

namespace {

bool is_json_content_type(std::string_view ct) {
  auto semi = ct.find(';');
  auto media = ct.substr(0, semi);
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  std::string lower(media);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "application/json";
}

// Parses the body as a JSON object; on failure says where (line and column) it went wrong.
std::optional<Response> parse_body(Request& req) {
  json::stream_parser parser;
  boost::system::error_code ec;
  std::size_t consumed = parser.write(req.body.data(), req.body.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < consumed && i < req.body.size(); ++i) {
      if (req.body[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    // The parser refuses invalid UTF-8 and lone surrogate escapes (\ud800) in strings, as a syntax error.
    std::string why =
        platform::first_invalid_utf8(req.body) <= consumed ? "text that is not valid UTF-8" : ec.message();
    return problem(400, "Malformed JSON",
                   "The body is not valid JSON: " + why + " at line " + std::to_string(line) + ", column " +
                       std::to_string(column) + " (byte " + std::to_string(consumed) + ").",
                   req);
  }
  json::value v = parser.release();
  if (!v.is_object()) return problem(400, "Malformed JSON", "The body must be a JSON object.", req);
  if (auto dup = first_duplicate_key(req.body))
    return problem(Error::invalid_field(*dup, "appears more than once in the body"), req);
  req.json = std::move(v.as_object());
  return std::nullopt;
}

std::string bearer_token(std::string_view authorization) {
  constexpr std::string_view prefix = "Bearer ";
  if (authorization.size() > prefix.size() &&
      (authorization.substr(0, 7) == prefix || authorization.substr(0, 7) == "bearer "))
    return std::string(authorization.substr(prefix.size()));
  return {};
}

// The IETF draft's RateLimit-* fields for one decision.
void add_rate_headers(Response& r, const app::RateDecision& d) {
  r.headers.emplace_back("RateLimit-Limit", std::to_string(d.limit));
  r.headers.emplace_back("RateLimit-Remaining", std::to_string(d.remaining));
  r.headers.emplace_back("RateLimit-Reset", std::to_string(d.reset.count()));
}

// Database errors can quote values after their first line (PostgreSQL's DETAIL); logs get the first line only.
std::string first_line(std::string_view what) {
  auto nl = what.find('\n');
  return std::string(what.substr(0, std::min<std::size_t>(nl, 200)));
}

}  // namespace

Result<Caller> Api::authenticate(const Request& req) const {
  auto token = bearer_token(req.authorization);
  if (token.empty()) return Error::unauthenticated("Send an access token: Authorization: Bearer <token>.");
  auto user = services_.auth.authenticate(token);
  if (!user) return user.error();
  auto principal = app::Principal::signed_in(*user);
  return Caller{app::Actor{std::move(principal), req.meta}, std::move(user.value())};
}

Response Api::handle(Request& req) const {
  try {
    auto m = router_.match(req.method, req.path);
    if (m.route == nullptr) {
      if (req.headers_only) return Response::proceed();  // answered in full once the body is read
      if (!m.allowed.empty()) {
        std::string allow;
        for (const auto& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a;
        auto r = problem(405, "Method not allowed", req.method + " is not supported here; use " + allow + ".", req);
        r.headers.emplace_back("Allow", allow);
        return r;
      }
      return problem(404, "Not found", "There is no route for " + req.path + ".", req);
    }
    req.route = m.route->path_template;
    req.path_params = std::move(m.params);
    const auto& opts = m.route->options;
    if (req.headers_only) {
      // Before an upload's body is read: who is calling, and may they write here at all.
      const auto* authed = std::get_if<AuthedHandler>(&m.route->handler);
      if (opts.body != BodyKind::multipart || authed == nullptr) return Response::proceed();
      auto caller = authenticate(req);
      if (!caller) return problem(caller.error(), req);
      Response r = opts.before_body ? opts.before_body(req, *caller) : Response::proceed();
      r.user_id = caller->actor.principal.user_id();
      return r;
    }
    auto check_body = [&]() -> std::optional<Response> {
      if (opts.body == BodyKind::multipart) {
        if (!req.form || req.form->not_multipart)
          return problem(415, "Unsupported media type", "Send the body as multipart/form-data with a boundary.", req);
        if (!req.form->malformed.empty()) return problem(400, "Malformed multipart body", req.form->malformed, req);
        return std::nullopt;
      }
      if (opts.body == BodyKind::none || (opts.body == BodyKind::json_optional && req.body.empty()))
        return std::nullopt;
      if (!is_json_content_type(req.content_type))
        return problem(415, "Unsupported media type", "Send the body as application/json.", req);
      return parse_body(req);
    };

    if (const auto* authed = std::get_if<AuthedHandler>(&m.route->handler)) {
      auto caller = authenticate(req);
      if (!caller) return problem(caller.error(), req);
      std::optional<app::RateDecision> rate;
      if (services_.limiter != nullptr && services_.limits.api_per_user.limit > 0) {
        rate = app::check_rate(*services_.limiter, services_.limits.api_per_user, caller->user.id);
        if (!rate->allowed) {
          auto r = problem(Error::rate_limited("Too many requests from this account; retry after " +
                                                   std::to_string(rate->reset.count()) + " s.",
                                               static_cast<int>(rate->reset.count())),
                           req);
          add_rate_headers(r, *rate);
          r.user_id = caller->actor.principal.user_id();
          return r;
        }
      }
      // Uploads (the multipart routes) also count against the caller's hourly upload limit.
      if (opts.body == BodyKind::multipart && services_.limiter != nullptr &&
          services_.limits.upload_per_user.limit > 0) {
        auto upload = app::check_rate(*services_.limiter, services_.limits.upload_per_user, caller->user.id);
        if (!upload.allowed) {
          auto r = problem(Error::rate_limited("Too many uploads from this account; retry after " +
                                                   std::to_string(upload.reset.count()) + " s.",
                                               static_cast<int>(upload.reset.count())),
                           req);
          add_rate_headers(r, upload);
          r.user_id = caller->actor.principal.user_id();
          return r;
        }
      }
      Response r = [&] {
        if (auto bad = check_body()) return *bad;
        return (*authed)(req, *caller);
      }();
      if (rate) add_rate_headers(r, *rate);
      r.user_id = caller->actor.principal.user_id();
      return r;
    }
    if (auto bad = check_body()) return *bad;
    return std::get<Handler>(m.route->handler)(req);
  } catch (const app::StoreUnavailable& e) {
    // Every database connection stayed busy for DB_POOL_WAIT_MS: saturated, not broken.
    platform::log::warn("http.store_unavailable",
                        platform::log::Fields().add("route", req.route).add("error", first_line(e.what())));
    return problem(Error::unavailable("The server is busy; retry shortly."), req);
  } catch (const std::exception& e) {
    platform::log::error("http.handler_failed",
                         platform::log::Fields().add("route", req.route).add("error", first_line(e.what())));
    return problem(500, "Internal error", "The request failed unexpectedly; quote the request id when reporting it.",
                   req);
  }
}

}  // namespace cma::http
