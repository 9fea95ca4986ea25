#pragma once
// The built web app (client/dist), served from memory: `cma web` serves only this, `cma serve`
// serves it beside the API on one origin. Files are read once at start-up, so a request can only
// ever name a file that was found under the root then: no path from a request reaches the disk.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "http/handler.hpp"

namespace cma::http {

struct StaticSiteOptions {
  // Origin of the API the app calls, given to the page in /config.json; empty: the page's own.
  std::string api_base_url;
  // Origin the app may send documents to directly (the S3 bucket's, for presigned uploads), given
  // to the page in /config.json and allowed by the CSP's connect-src; empty: uploads go through the API.
  std::string upload_origin = {};
};

class StaticSite {
 public:
  // Reads every file under `root`. Throws std::runtime_error when `root` has no index.html.
  static std::unique_ptr<StaticSite> load(const std::filesystem::path& root, StaticSiteOptions options);

  // GET and HEAD only. /config.json is generated; /assets/* are the hashed build outputs (immutable
  // for a year); any other path that names no file is answered with index.html (the app's routes).
  Response serve(const Request& req) const;

  std::size_t file_count() const { return files_.size(); }
  std::size_t total_bytes() const;

  struct File {
    std::string content_type;
    std::string body;
    std::string gzip;    // precompressed beside it at build time (name.gz), or empty
    std::string brotli;  // name.br, or empty
  };

 private:
  StaticSite() = default;
  Response file_response(const Request& req, const File& file, std::string_view cache_control) const;

  std::map<std::string, File, std::less<>> files_;  // by URL path, e.g. "/assets/index-abc.js"
  std::string config_json_;
  std::string content_security_policy_;
};

// True for the paths the API answers (/api/…, /health, /metrics, the calendar feeds /ical/…);
// everything else is the web app's.
bool is_api_path(std::string_view path);

// Which precompressed variant the client accepts, by RFC 9110 Accept-Encoding (q=0 refuses).
enum class Encoding { identity, gzip, brotli };
Encoding preferred_encoding(std::string_view accept_encoding, bool have_gzip, bool have_brotli);

}  // namespace cma::http
