#pragma once
// Method + path-template routing, e.g. GET /api/v1/users/{id}.
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "http/handler.hpp"

namespace cma::http {

// multipart: an upload route's body, streamed to disk by the server (Request::form).
enum class BodyKind { none, json_required, json_optional, multipart };

struct RouteOptions {
  BodyKind body = BodyKind::none;
  // A multipart route's checks that need no body (the case exists, the caller may write to it): run
  // once the headers have arrived, before the body is read. Answers Response::proceed() to go on.
  AuthedHandler before_body = {};
};

struct Route {
  std::string method;
  std::string path_template;
  std::vector<std::string> segments;             // "{name}" marks a parameter
  std::variant<Handler, AuthedHandler> handler;  // AuthedHandler: needs a valid access token
  RouteOptions options;
};

class Router {
 public:
  // A route for signed-in users: its handler runs only after the access token was verified, and
  // receives the Caller. A handler that takes no Caller does not compile here.
  void add(std::string method, std::string path_template, RouteOptions options, AuthedHandler handler);
  // A route anyone may call (health, the contract, signing in and out); its handler gets no Caller.
  void add_public(std::string method, std::string path_template, RouteOptions options, Handler handler);

  struct Match {
    const Route* route = nullptr;
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<std::string> allowed;  // when the path exists but not for this method
  };
  Match match(std::string_view method, std::string_view path) const;

  // Every (method, template) pair, for the contract test and the docs.
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  void add_route(std::string method, std::string path_template, RouteOptions options,
                 std::variant<Handler, AuthedHandler> handler);

  std::vector<Route> routes_;
};

}  // namespace cma::http
