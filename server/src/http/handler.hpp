#pragma once
// What a route handler sees and returns. Handlers are thin: parse, call one use case, write JSON.
#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "app/identity/records.hpp"
#include "app/model.hpp"
#include "domain/result.hpp"

namespace cma::app {
class SpooledFile;
}

namespace cma::http {

struct UploadForm;  // http/documents/upload.hpp

struct Request {
  std::string method;
  std::string path;   // decoded
  std::string route;  // the matched template, e.g. /api/v1/users/{id}
  std::vector<std::pair<std::string, std::string>> path_params;
  std::vector<std::pair<std::string, std::string>> query;  // decoded
  std::string body;
  std::string content_type;
  std::string authorization;
  std::string cookie;
  std::string accept_encoding;
  std::string accept;   // the Accept header, for the routes that offer more than JSON
  bool secure = false;  // reached over TLS (directly or as the proxy says)
  app::RequestMeta meta;
  boost::json::object json;  // the parsed body, for routes that take one
  // An upload route's body, streamed to disk as it arrived (the body string stays empty); null
  // for every other route.
  std::shared_ptr<UploadForm> form;
  // Only the headers have arrived: the server asks whether an upload route's body should be read
  // at all (Api::handle runs the route's before_body checks and answers proceed() or a problem).
  bool headers_only = false;

  const std::string& param(std::string_view name) const;
  std::optional<std::string> query_value(std::string_view name) const;
  std::string cookie_value(std::string_view name) const;
};

// Who sent a request to an authenticated route, as its access token and the stored account show.
// Only the handlers of such routes receive one (see Router::add), so no handler can act for a
// principal that was never verified.
struct Caller {
  app::Actor actor;  // the principal and the request's meta, as use cases take them
  app::User user;    // the account as stored now
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string user_id;  // for the access log
  // When set, the body is this file's bytes, sent from disk a chunk at a time (downloads).
  std::shared_ptr<app::SpooledFile> file;

  static Response json(int status, const boost::json::value& v);
  static Response json_text(int status, std::string text);
  // Go on and read the body (the answer to a headers_only request that passed its checks).
  static constexpr int kProceed = 100;
  static Response proceed() {
    Response r;
    r.status = kProceed;
    r.content_type.clear();
    return r;
  }
  static Response no_content() {
    Response r;
    r.status = 204;
    r.content_type.clear();
    return r;
  }
};

// A public route's handler, and an authenticated route's.
using Handler = std::function<Response(Request&)>;
using AuthedHandler = std::function<Response(Request&, const Caller&)>;

// RFC 9457 problem+json for an error value; the one place errors become HTTP.
Response problem(const Error& error, const Request& req);
Response problem(int status, std::string_view title, std::string_view detail, const Request& req,
                 const std::vector<FieldError>& fields = {});

}  // namespace cma::http
