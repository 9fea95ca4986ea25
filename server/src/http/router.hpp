#pragma once
// Method + path-template routing, e.g. GET /api/v1/users/{id}.
#include <string>
#include <utility>
#include <vector>

#include "http/handler.hpp"

namespace cma::http {

enum class BodyKind { none, json_required, json_optional };

struct RouteOptions {
  bool auth = true;  // needs a valid access token
  BodyKind body = BodyKind::none;
};

struct Route {
  std::string method;
  std::string path_template;
  std::vector<std::string> segments;  // "{name}" marks a parameter
  Handler handler;
  RouteOptions options;
};

class Router {
 public:
  void add(std::string method, std::string path_template, RouteOptions options, Handler handler);

  struct Match {
    const Route* route = nullptr;
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<std::string> allowed;  // when the path exists but not for this method
  };
  Match match(std::string_view method, std::string_view path) const;

  // Every (method, template) pair, for the contract test and the docs.
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  std::vector<Route> routes_;
};

}  // namespace cma::http
