#include "blob/credentials.hpp"

#include <boost/json.hpp>
#include <ctime>

#include "blob/http_client.hpp"

namespace cma::blob {

namespace {
constexpr const char* kEcsHost = "http://169.254.170.2";
}

std::optional<std::chrono::system_clock::time_point> parse_iso8601_utc(const std::string& s) {
  std::tm tm{};
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &sec, &tail) != 7) return std::nullopt;
  if (tail != 'Z' && tail != '.') return std::nullopt;
  if (tail == '.' && s.back() != 'Z') return std::nullopt;
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  std::time_t t = ::timegm(&tm);
  if (t == static_cast<std::time_t>(-1)) return std::nullopt;
  return std::chrono::system_clock::from_time_t(t);
}

ContainerCredentials::ContainerCredentials(std::string url, std::string authorization,
                                           std::chrono::seconds refresh_before)
    : url_(std::move(url)), authorization_(std::move(authorization)), refresh_before_(refresh_before) {}

Result<sigv4::Credentials> ContainerCredentials::get() {
  std::lock_guard lock(mutex_);
  auto now = std::chrono::system_clock::now();
  if (cached_ && now + refresh_before_ < expires_) return *cached_;
  HttpRequest req;
  req.method = "GET";
  req.url = url_;
  if (!authorization_.empty()) req.headers.emplace_back("Authorization", authorization_);
  req.connect_timeout_seconds = 2;
  req.stall_seconds = 5;
  Error failed = Error::unavailable("");
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto res = http_perform(req);
    if (res.status != 200) {
      failed = Error::unavailable("the container credentials endpoint answered " +
                                  (res.status == 0 ? res.transport_error : std::to_string(res.status)));
      if (res.status != 0 && res.status < 500) break;
      continue;
    }
    boost::system::error_code ec;
    auto doc = boost::json::parse(res.body, ec);
    const auto* obj = doc.if_object();
    auto field = [&](const char* name) -> std::string {
      if (obj == nullptr) return {};
      const auto* v = obj->if_contains(name);
      return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    sigv4::Credentials c{field("AccessKeyId"), field("SecretAccessKey"), field("Token")};
    auto expiry = parse_iso8601_utc(field("Expiration"));
    if (ec || c.access_key_id.empty() || c.secret_access_key.empty() || !expiry) {
      failed = Error::unavailable("the container credentials endpoint sent no usable credentials");
      break;
    }
    cached_ = c;
    expires_ = *expiry;
    return c;
  }
  // Keys that have not quite expired yet still beat none.
  if (cached_ && now < expires_) return *cached_;
  return failed;
}

std::unique_ptr<CredentialsProvider> credentials_from_env(const platform::EnvLookup& env, std::string& error) {
  auto get = [&](const char* name) {
    auto v = env(name);
    return v ? *v : std::string();
  };
  auto id = get("AWS_ACCESS_KEY_ID");
  auto secret = get("AWS_SECRET_ACCESS_KEY");
  if (!id.empty() || !secret.empty()) {
    if (id.empty() || secret.empty()) {
      error = "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together";
      return nullptr;
    }
    return std::make_unique<StaticCredentials>(sigv4::Credentials{id, secret, get("AWS_SESSION_TOKEN")});
  }
  auto token = get("AWS_CONTAINER_AUTHORIZATION_TOKEN");
  if (auto full = get("AWS_CONTAINER_CREDENTIALS_FULL_URI"); !full.empty()) {
    if (full.rfind("http://", 0) != 0 && full.rfind("https://", 0) != 0) {
      error = "AWS_CONTAINER_CREDENTIALS_FULL_URI must be an http:// or https:// URL";
      return nullptr;
    }
    return std::make_unique<ContainerCredentials>(full, token);
  }
  if (auto rel = get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"); !rel.empty()) {
    if (rel.front() != '/') {
      error = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI must start with /";
      return nullptr;
    }
    return std::make_unique<ContainerCredentials>(kEcsHost + rel, token);
  }
  error =
      "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run with an ECS task role "
      "(AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)";
  return nullptr;
}

}  // namespace cma::blob
