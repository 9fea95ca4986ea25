#include "main/web.hpp"

#include <exception>

#include "platform/log.hpp"

namespace cma::main {

namespace {

// An origin only (scheme, host, optional port): it goes into /config.json and the CSP, so nothing
// that could end a CSP directive or carry a path.
bool valid_origin(const std::string& v) {
  auto scheme_end = v.find("://");
  if (scheme_end == std::string::npos) return false;
  auto scheme = v.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return false;
  auto host = v.substr(scheme_end + 3);
  if (host.empty()) return false;
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']'))
      return false;
  return true;
}

}  // namespace

std::optional<platform::ConfigError> load_web_settings(const platform::EnvLookup& env,
                                                       const std::map<std::string, std::string>& overrides,
                                                       WebSettings& out) {
  auto get = [&](const std::string& name) -> std::optional<std::string> {
    if (auto it = overrides.find(name); it != overrides.end() && !it->second.empty()) return it->second;
    auto v = env(name);
    if (v && v->empty()) return std::nullopt;
    return v;
  };
  if (auto v = get("WEB_ROOT")) {
    out.root = *v;
    out.root_given = true;
  }
  if (auto v = get("API_BASE_URL")) {
    if (!valid_origin(*v))
      return platform::ConfigError{"API_BASE_URL", "must be an origin such as https://api.example.org (no path)"};
    out.api_base_url = *v;
  }
  if (auto v = get("UPLOAD_ORIGIN")) {
    if (!valid_origin(*v))
      return platform::ConfigError{"UPLOAD_ORIGIN",
                                   "must be an origin such as https://bucket.s3.eu-west-2.amazonaws.com (no path)"};
    out.upload_origin = *v;
  }
  return std::nullopt;
}

std::unique_ptr<http::StaticSite> load_web_app(const WebSettings& settings, std::string& error) {
  try {
    auto site =
        http::StaticSite::load(settings.root, http::StaticSiteOptions{settings.api_base_url, settings.upload_origin});
    platform::log::info("web.loaded", platform::log::Fields()
                                          .add("root", settings.root)
                                          .add("files", static_cast<std::int64_t>(site->file_count()))
                                          .add("bytes", static_cast<std::int64_t>(site->total_bytes())));
    return site;
  } catch (const std::exception& e) {
    error = e.what();
    return nullptr;
  }
}

http::RequestHandler api_and_web_app(const http::Api& api, const http::StaticSite* site) {
  if (site == nullptr) return [&api](http::Request& req) { return api.handle(req); };
  return [&api, site](http::Request& req) {
    if (http::is_api_path(req.path)) return api.handle(req);
    req.route = kWebAppRoute;
    return site->serve(req);
  };
}

}  // namespace cma::main
