#include <boost/json.hpp>

#include "app/identity/users.hpp"
#include "http/identity/json.hpp"
#include "http/json_fields.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

namespace json = boost::json;

namespace {

constexpr const char* kRefreshCookie = "cma_refresh";

std::string refresh_cookie(const std::string& value, std::int64_t max_age, bool secure) {
  std::string c = std::string(kRefreshCookie) + "=" + value +
                  "; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

// The refresh token travels only in the httpOnly cookie, out of reach of any script in the page.
Response sign_in_response(const app::SignIn& s, const Request& req) {
  auto resp = Response::json(200, json::object{{"accessToken", s.access_token},
                                               {"tokenType", "Bearer"},
                                               {"expiresIn", s.expires_in},
                                               {"refreshExpiresIn", s.refresh_expires_in},
                                               {"user", to_json(s.user)}});
  resp.headers.emplace_back("Set-Cookie", refresh_cookie(s.refresh_token, s.refresh_expires_in, req.secure));
  resp.headers.emplace_back("Cache-Control", "no-store");
  return resp;
}

// The refresh token comes only from the cookie. A body is optional and accepts no field: a
// `refreshToken` in it is refused (422) rather than ignored, so a client still sending one learns why.
std::string presented_refresh_token(const Request& req, std::vector<FieldError>& errors) {
  FieldReader f(req.json, {});
  errors = f.take_errors();
  for (auto& e : errors)
    if (e.field == "refreshToken") e.message = "is not accepted: the refresh token is read from the cma_refresh cookie";
  return req.cookie_value(kRefreshCookie);
}

}  // namespace

void add_auth_routes(Router& r, const Services& s) {
  r.add_public("POST", "/api/v1/auth/login", {.body = BodyKind::json_required}, [&s](Request& req) {
    FieldReader f(req.json, {"email", "password"});
    auto email = f.text("email");
    auto password = f.text("password");
    if (!f.ok()) return problem(Error::invalid(f.take_errors()), req);
    auto result = s.auth.login(req.meta, email.value_or(""), password.value_or(""));
    if (!result) return problem(result.error(), req);
    auto resp = sign_in_response(*result, req);
    resp.user_id = result->user.id;
    return resp;
  });

  r.add_public("POST", "/api/v1/auth/refresh", {.body = BodyKind::json_optional}, [&s](Request& req) {
    std::vector<FieldError> errors;
    auto token = presented_refresh_token(req, errors);
    if (!errors.empty()) return problem(Error::invalid(std::move(errors)), req);
    auto result = s.auth.refresh(req.meta, token);
    if (!result) return problem(result.error(), req);
    auto resp = sign_in_response(*result, req);
    resp.user_id = result->user.id;
    return resp;
  });

  r.add_public("POST", "/api/v1/auth/logout", {.body = BodyKind::json_optional}, [&s](Request& req) {
    std::vector<FieldError> errors;
    auto token = presented_refresh_token(req, errors);
    if (!errors.empty()) return problem(Error::invalid(std::move(errors)), req);
    auto result = s.auth.logout(req.meta, token);
    if (!result) return problem(result.error(), req);
    auto resp = Response::no_content();
    resp.headers.emplace_back("Set-Cookie", refresh_cookie("", 0, req.secure));
    return resp;
  });

  r.add("GET", "/api/v1/me", {}, [](Request&, const Caller& c) { return Response::json(200, to_json(c.user)); });

  r.add("POST", "/api/v1/me/password", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    FieldReader f(req.json, {"currentPassword", "newPassword"});
    auto current = f.text("currentPassword");
    auto next = f.text("newPassword");
    if (!f.ok()) return problem(Error::invalid(f.take_errors()), req);
    auto result = s.auth.change_password(c.actor, current.value_or(""), next.value_or(""));
    if (!result) return problem(result.error(), req);
    return Response::no_content();
  });
}

}  // namespace cma::http::routes
