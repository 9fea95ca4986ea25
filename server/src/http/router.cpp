#include "http/router.hpp"

#include <type_traits>

namespace cma::http {

// What Router::add guarantees, checked by the compiler: a handler that takes no Caller cannot serve
// an authenticated route, and a public route's handler cannot ask for one.
static_assert(!std::is_constructible_v<AuthedHandler, Response (*)(Request&)>);
static_assert(!std::is_constructible_v<Handler, Response (*)(Request&, const Caller&)>);

namespace {
std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 1;
  if (path.empty() || path.front() != '/') return out;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}
}  // namespace

void Router::add(std::string method, std::string path_template, RouteOptions options, AuthedHandler handler) {
  add_route(std::move(method), std::move(path_template), options, std::move(handler));
}

void Router::add_public(std::string method, std::string path_template, RouteOptions options, Handler handler) {
  add_route(std::move(method), std::move(path_template), options, std::move(handler));
}

void Router::add_route(std::string method, std::string path_template, RouteOptions options,
                       std::variant<Handler, AuthedHandler> handler) {
  Route r;
  r.method = std::move(method);
  for (auto s : split(path_template)) r.segments.emplace_back(s);
  r.path_template = std::move(path_template);
  r.handler = std::move(handler);
  r.options = options;
  routes_.push_back(std::move(r));
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match m;
  auto parts = split(path);
  for (const auto& r : routes_) {
    if (r.segments.size() != parts.size()) continue;
    std::vector<std::pair<std::string, std::string>> params;
    bool ok = true;
    for (std::size_t i = 0; i < parts.size() && ok; ++i) {
      const auto& seg = r.segments[i];
      if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
        if (parts[i].empty())
          ok = false;
        else
          params.emplace_back(seg.substr(1, seg.size() - 2), std::string(parts[i]));
      } else if (seg != parts[i]) {
        ok = false;
      }
    }
    if (!ok) continue;
    if (r.method == method) {
      m.route = &r;
      m.params = std::move(params);
      m.allowed.clear();
      return m;
    }
    m.allowed.push_back(r.method);
  }
  return m;
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : routes_) out.emplace_back(r.method, r.path_template);
  return out;
}

}  // namespace cma::http
