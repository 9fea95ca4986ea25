#include <boost/json.hpp>

#include "http/handler.hpp"
#include "platform/utf8.hpp"

namespace cma::http {

namespace json = boost::json;

const std::string& Request::param(std::string_view name) const {
  for (const auto& [k, v] : path_params)
    if (k == name) return v;
  static const std::string empty;
  return empty;
}

std::optional<std::string> Request::query_value(std::string_view name) const {
  for (const auto& [k, v] : query)
    if (k == name) return v;
  return std::nullopt;
}

std::string Request::cookie_value(std::string_view name) const {
  std::string_view c = cookie;
  while (!c.empty()) {
    auto semi = c.find(';');
    auto part = c.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    c.remove_prefix(semi + 1);
  }
  return {};
}

Response Response::json(int status, const json::value& v) {
  Response r;
  r.status = status;
  r.body = json::serialize(v);
  return r;
}

Response Response::json_text(int status, std::string text) {
  Response r;
  r.status = status;
  r.body = std::move(text);
  return r;
}

namespace {

struct Kind {
  int status;
  const char* slug;
  const char* title;
};

Kind kind_of(ErrorCode c) {
  switch (c) {
    case ErrorCode::not_found:
      return {404, "not-found", "Not found"};
    case ErrorCode::invalid_argument:
      return {422, "validation", "Validation failed"};
    case ErrorCode::failed_precondition:
      return {409, "failed-precondition", "Not allowed in the current state"};
    case ErrorCode::conflict:
      return {409, "conflict", "Conflict"};
    case ErrorCode::permission_denied:
      return {403, "forbidden", "Forbidden"};
    case ErrorCode::unauthenticated:
      return {401, "unauthenticated", "Authentication required"};
    case ErrorCode::rate_limited:
      return {429, "rate-limited", "Too many requests"};
    case ErrorCode::unavailable:
      return {503, "unavailable", "Service unavailable"};
    case ErrorCode::internal:
      return {500, "internal", "Internal error"};
  }
  return {500, "internal", "Internal error"};
}

const char* slug_of(int status) {
  switch (status) {
    case 400:
      return "bad-request";
    case 401:
      return "unauthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "not-found";
    case 405:
      return "method-not-allowed";
    case 409:
      return "conflict";
    case 413:
      return "payload-too-large";
    case 415:
      return "unsupported-media-type";
    case 422:
      return "validation";
    case 429:
      return "rate-limited";
    case 431:
      return "headers-too-large";
    case 503:
      return "unavailable";
    default:
      return status >= 500 ? "internal" : "bad-request";
  }
}

// Request text is checked at the edge, but a problem document must be valid JSON whatever reaches
// it, so any invalid sequence left is replaced rather than written out raw.
std::string text(std::string_view s) {
  return platform::is_valid_utf8(s) ? std::string(s) : platform::sanitize_utf8(s);
}

Response make_problem(int status, std::string_view slug, std::string_view title, std::string_view detail,
                      const Request& req, const std::vector<FieldError>& fields) {
  json::object o;
  o["type"] = std::string("/problems/") + std::string(slug);
  o["title"] = text(title);
  o["status"] = status;
  o["detail"] = text(detail);
  if (!req.path.empty()) o["instance"] = text(req.path);
  o["requestId"] = req.meta.request_id;
  if (!fields.empty()) {
    json::array errors;
    for (const auto& f : fields) errors.push_back(json::object{{"field", text(f.field)}, {"message", text(f.message)}});
    o["errors"] = std::move(errors);
  }
  Response r = Response::json(status, o);
  r.content_type = "application/problem+json";
  return r;
}

}  // namespace

Response problem(int status, std::string_view title, std::string_view detail, const Request& req,
                 const std::vector<FieldError>& fields) {
  return make_problem(status, slug_of(status), title, detail, req, fields);
}

Response problem(const Error& error, const Request& req) {
  Kind k = kind_of(error.code);
  // The status alone cannot tell a conflict from a failed precondition; the type can.
  Response r = make_problem(k.status, k.slug, k.title, error.detail, req, error.field_errors);
  if (k.status == 429 || k.status == 503)
    r.headers.emplace_back("Retry-After", std::to_string(std::max(1, error.retry_after_seconds)));
  if (k.status == 401) r.headers.emplace_back("WWW-Authenticate", "Bearer");
  return r;
}

}  // namespace cma::http
