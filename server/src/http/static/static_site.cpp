#include "http/static/static_site.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cma::http {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string content_type_for(const fs::path& path) {
  static const std::map<std::string, std::string, std::less<>> types{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  };
  auto it = types.find(lower(path.extension().string()));
  return it == types.end() ? "application/octet-stream" : it->second;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A decoded request path that could reach outside the root, or that no file name could match.
bool unsafe_path(std::string_view path) {
  if (path.empty() || path.front() != '/') return true;
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) return true;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    auto segment = path.substr(start, end - start);
    if (segment == ".." || segment == ".") return true;
    start = end + 1;
  }
  return false;
}

bool has_token(std::string_view list, std::string_view token) {
  return lower(list).find(token) != std::string::npos;
}

}  // namespace

bool is_api_path(std::string_view path) {
  return path == "/health" || path == "/metrics" || path == "/api" || path.rfind("/api/", 0) == 0 ||
         path.rfind("/ical/", 0) == 0;
}

Encoding preferred_encoding(std::string_view accept_encoding, bool have_gzip, bool have_brotli) {
  double gzip_q = 0, brotli_q = 0, any_q = -1;
  std::size_t pos = 0;
  while (pos <= accept_encoding.size()) {
    auto comma = accept_encoding.find(',', pos);
    if (comma == std::string_view::npos) comma = accept_encoding.size();
    auto item = accept_encoding.substr(pos, comma - pos);
    pos = comma + 1;
    auto semi = item.find(';');
    auto name = lower(item.substr(0, semi));
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    double q = 1;
    if (semi != std::string_view::npos) {
      auto params = lower(item.substr(semi + 1));
      auto qpos = params.find("q=");
      if (qpos != std::string::npos) {
        try {
          q = std::stod(params.substr(qpos + 2));
        } catch (const std::exception&) {
          q = 0;
        }
      }
    }
    if (name == "gzip" || name == "x-gzip")
      gzip_q = std::max(gzip_q, q);
    else if (name == "br")
      brotli_q = std::max(brotli_q, q);
    else if (name == "*")
      any_q = q;
  }
  if (any_q >= 0) {
    if (gzip_q == 0 && !has_token(accept_encoding, "gzip")) gzip_q = any_q;
    if (brotli_q == 0 && !has_token(accept_encoding, "br")) brotli_q = any_q;
  }
  if (have_brotli && brotli_q > 0 && brotli_q >= gzip_q) return Encoding::brotli;
  if (have_gzip && gzip_q > 0) return Encoding::gzip;
  if (have_brotli && brotli_q > 0) return Encoding::brotli;
  return Encoding::identity;
}

std::unique_ptr<StaticSite> StaticSite::load(const fs::path& root, StaticSiteOptions options) {
  if (!fs::is_regular_file(root / "index.html"))
    throw std::runtime_error(root.string() +
                             " holds no index.html (build the app: make web, or npm run build in client/)");
  std::unique_ptr<StaticSite> site(new StaticSite());
  auto canonical_root = fs::canonical(root);
  std::map<std::string, std::pair<std::string, std::string>> compressed;  // url -> (gzip, brotli)
  for (const auto& entry : fs::recursive_directory_iterator(canonical_root)) {
    if (!entry.is_regular_file()) continue;
    auto relative = entry.path().lexically_relative(canonical_root).generic_string();
    auto url = "/" + relative;
    auto ext = entry.path().extension().string();
    if (ext == ".gz") {
      compressed[url.substr(0, url.size() - 3)].first = read_file(entry.path());
    } else if (ext == ".br") {
      compressed[url.substr(0, url.size() - 3)].second = read_file(entry.path());
    } else {
      site->files_.emplace(url, File{content_type_for(entry.path()), read_file(entry.path()), {}, {}});
    }
  }
  for (auto& [url, variants] : compressed) {
    auto it = site->files_.find(url);
    if (it == site->files_.end()) continue;
    it->second.gzip = std::move(variants.first);
    it->second.brotli = std::move(variants.second);
  }
  // /config.json is the server's, so one build serves every environment.
  site->files_.erase("/config.json");
  site->config_json_ = boost::json::serialize(
      boost::json::object{{"apiBaseUrl", options.api_base_url}, {"uploadOrigin", options.upload_origin}});
  // No inline script may run; styles may be inline (the component library sets style attributes).
  std::string connect = "'self'";
  if (!options.api_base_url.empty()) connect += " " + options.api_base_url;
  if (!options.upload_origin.empty() && options.upload_origin != options.api_base_url)
    connect += " " + options.upload_origin;
  site->content_security_policy_ =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
      "font-src 'self' data:; connect-src " +
      connect +
      "; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  return site;
}

std::size_t StaticSite::total_bytes() const {
  std::size_t n = 0;
  for (const auto& [url, f] : files_) n += f.body.size() + f.gzip.size() + f.brotli.size();
  return n;
}

Response StaticSite::file_response(const Request& req, const File& file, std::string_view cache_control) const {
  Response r;
  r.status = 200;
  r.content_type = file.content_type;
  auto encoding = preferred_encoding(req.accept_encoding, !file.gzip.empty(), !file.brotli.empty());
  if (encoding == Encoding::brotli) {
    r.body = file.brotli;
    r.headers.emplace_back("Content-Encoding", "br");
  } else if (encoding == Encoding::gzip) {
    r.body = file.gzip;
    r.headers.emplace_back("Content-Encoding", "gzip");
  } else {
    r.body = file.body;
  }
  if (!file.gzip.empty() || !file.brotli.empty()) r.headers.emplace_back("Vary", "Accept-Encoding");
  r.headers.emplace_back("Cache-Control", std::string(cache_control));
  return r;
}

Response StaticSite::serve(const Request& req) const {
  Response r;
  if (req.method != "GET" && req.method != "HEAD") {
    r = problem(405, "Method not allowed", req.method + " is not supported here; use GET, HEAD.", req);
    r.headers.emplace_back("Allow", "GET, HEAD");
  } else if (unsafe_path(req.path)) {
    r = problem(400, "Bad request", "The path has a segment that is not allowed (such as '..').", req);
  } else if (req.path == "/config.json") {
    r = Response{200, "application/json", config_json_, {{"Cache-Control", "no-cache"}}, "", nullptr};
  } else if (auto it = files_.find(req.path == "/" ? std::string_view("/index.html") : std::string_view(req.path));
             it != files_.end()) {
    bool hashed = req.path.rfind("/assets/", 0) == 0;
    r = file_response(req, it->second, hashed ? kImmutable : kRevalidate);
  } else if (req.path.rfind("/assets/", 0) == 0) {
    // A build output that is not there (an old page asking for a replaced file): never the app's HTML.
    r = problem(404, "Not found", "There is no such file.", req);
  } else {
    r = file_response(req, files_.at("/index.html"), kRevalidate);
  }
  r.headers.emplace_back("Content-Security-Policy", content_security_policy_);
  r.headers.emplace_back("Referrer-Policy", "strict-origin-when-cross-origin");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  r.headers.emplace_back("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  // Behind TLS (directly, or as a trusted proxy says): browsers keep to HTTPS from then on.
  if (req.secure) r.headers.emplace_back("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (req.method == "HEAD") r.body.clear();
  return r;
}

}  // namespace cma::http
