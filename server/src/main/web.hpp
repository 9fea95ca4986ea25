#pragma once
// The web app's settings and its place beside the API: `cma web` serves only the app, `cma serve`
// serves the app and the API on one origin.
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "http/api.hpp"
#include "http/server.hpp"
#include "http/static/static_site.hpp"
#include "platform/config.hpp"

namespace cma::main {

inline constexpr const char* kDefaultWebRoot = "./client/dist";
inline constexpr int kDefaultWebPort = 3000;
// The route every request the web app answers is counted and traced under (one label for all its
// files, so metrics stay bounded however many paths are asked for).
inline constexpr const char* kWebAppRoute = "(web app)";

struct WebSettings {
  std::string root = kDefaultWebRoot;  // WEB_ROOT / --web-root: the built app (client/dist)
  bool root_given = false;             // set explicitly: a missing app is then an error, not a warning
  std::string api_base_url;            // API_BASE_URL: the API's origin for /config.json; "" = same origin
  // UPLOAD_ORIGIN: the document store's origin the browser uploads to with presigned URLs; with
  // `cma serve` on S3 it defaults to the bucket's; "" = uploads go through the API.
  std::string upload_origin;
};

std::optional<platform::ConfigError> load_web_settings(const platform::EnvLookup& env,
                                                       const std::map<std::string, std::string>& overrides,
                                                       WebSettings& out);

// Loads the built app, or explains in one line why it cannot be served.
std::unique_ptr<http::StaticSite> load_web_app(const WebSettings& settings, std::string& error);

// API paths go to the API; every other path to the app when there is one.
http::RequestHandler api_and_web_app(const http::Api& api, const http::StaticSite* site);

}  // namespace cma::main
