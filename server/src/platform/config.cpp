#include "platform/config.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "platform/crypto.hpp"
#include "platform/xray.hpp"

namespace cma::platform {

namespace fs = std::filesystem;

EnvLookup process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
}

bool is_sqlite_url(const std::string& url) {
  return url.rfind("sqlite://", 0) == 0;
}
bool is_postgres_url(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

namespace {

std::optional<int> parse_int(const std::string& s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> parse_fraction(const std::string& s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !(v >= 0.0 && v <= 1.0)) return std::nullopt;
  return v;
}

std::optional<bool> parse_flag(const std::string& v) {
  if (v == "1" || v == "true") return true;
  if (v == "0" || v == "false") return false;
  return std::nullopt;
}

bool printable_ascii(const std::string& s, bool allow_space) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e || (!allow_space && c == ' ')) return false;
  }
  return true;
}

// CloudWatch: 1 to 255 characters of letters, digits and . - _ / # :, not in the AWS/ space.
bool valid_metric_namespace(const std::string& s) {
  if (s.empty() || s.size() > 255 || s.rfind("AWS/", 0) == 0) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == '/' || c == '#' ||
          c == ':'))
      return false;
  return true;
}

std::optional<std::string> read_secret_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read " + path;
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

// S3's rules for a bucket name that works with every addressing style.
bool valid_bucket(const std::string& b) {
  if (b.size() < 3 || b.size() > 63) return false;
  for (char c : b)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  return std::isalnum(static_cast<unsigned char>(b.front())) && std::isalnum(static_cast<unsigned char>(b.back())) &&
         b.find("..") == std::string::npos;
}

bool valid_region(const std::string& r) {
  if (r.empty() || r.size() > 32) return false;
  for (char c : r)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

// http(s)://host[:port] with nothing after but an optional slash.
bool valid_endpoint(std::string& e) {
  std::string_view rest;
  if (e.rfind("http://", 0) == 0) {
    rest = std::string_view(e).substr(7);
  } else if (e.rfind("https://", 0) == 0) {
    rest = std::string_view(e).substr(8);
  } else {
    return false;
  }
  if (!rest.empty() && rest.back() == '/') {
    e.pop_back();
    rest.remove_suffix(1);
  }
  if (rest.empty()) return false;
  for (char c : rest)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']'))
      return false;
  return true;
}

}  // namespace

std::string RedisSettings::describe() const {
  if (!enabled) return "none";
  return std::string(tls ? "rediss://" : "redis://") + host + ":" + std::to_string(port) + "/" + std::to_string(db);
}

std::optional<std::string> parse_redis_url(const std::string& url, RedisSettings& out) {
  RedisSettings r;
  r.timeout_ms = out.timeout_ms;
  std::string_view rest(url);
  if (rest.starts_with("redis://")) {
    rest.remove_prefix(8);
  } else if (rest.starts_with("rediss://")) {
    rest.remove_prefix(9);
    r.tls = true;
  } else {
    return "must start with redis:// or rediss:// (TLS)";
  }
  if (rest.find_first_of("?#") != std::string_view::npos) return "takes no query or fragment";
  auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  auto at = authority.rfind('@');
  if (at != std::string_view::npos) {
    std::string_view userinfo = authority.substr(0, at);
    authority.remove_prefix(at + 1);
    auto colon = userinfo.find(':');
    auto user = percent_decode(userinfo.substr(0, colon));
    auto pass = percent_decode(colon == std::string_view::npos ? std::string_view() : userinfo.substr(colon + 1));
    if (!user || !pass) return "has a bad percent-escape in its user or password";
    if (colon == std::string_view::npos) {
      r.password = *user;  // redis://token@host: the token is the password, as redis-cli takes it
    } else {
      r.username = *user;
      r.password = *pass;
    }
  }
  std::string_view host = authority;
  std::string_view port;
  if (host.starts_with("[")) {
    auto close = host.find(']');
    if (close == std::string_view::npos) return "has an unclosed [ in its host";
    port = host.substr(close + 1);
    host = host.substr(1, close - 1);
    if (!port.empty() && !port.starts_with(":")) return "has text after its host";
    if (!port.empty()) port.remove_prefix(1);
  } else if (auto colon = host.rfind(':'); colon != std::string_view::npos) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
  }
  if (host.empty()) return "names no host";
  for (char ch : host)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == '_' || ch == ':'))
      return "has a host that is not a name or an address";
  r.host = std::string(host);
  if (!port.empty()) {
    int p = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
    if (ec != std::errc() || end != port.data() + port.size() || p < 1 || p > 65535)
      return "has a port that is not 1-65535";
    r.port = p;
  }
  if (!path.empty()) {
    int db = 0;
    auto [end, ec] = std::from_chars(path.data(), path.data() + path.size(), db);
    if (ec != std::errc() || end != path.data() + path.size() || db < 0 || db > 1000)
      return "has a path that is not a database number (e.g. /0)";
    r.db = db;
  }
  r.enabled = true;
  out = std::move(r);
  return std::nullopt;
}

std::optional<std::string> parse_storage_url(const std::string& url, StorageSettings& out) {
  StorageSettings s;
  s.sse = out.sse;
  s.kms_key_id = out.kms_key_id;
  if (url.find('\0') != std::string::npos) return "must not contain NUL";
  if (url.rfind("file://", 0) == 0) {
    s.kind = StorageSettings::Kind::file;
    auto path = percent_decode(std::string_view(url).substr(7));
    if (!path || path->empty() || path->find('\0') != std::string::npos)
      return "file:// names no directory (use file:///absolute/path)";
    s.path = *path;
    out = s;
    return std::nullopt;
  }
  if (url.rfind("s3://", 0) != 0) return "must start with file:// or s3://";
  s.kind = StorageSettings::Kind::s3;
  std::string_view rest = std::string_view(url).substr(5);
  auto q = rest.find('?');
  s.bucket = std::string(rest.substr(0, q));
  if (!s.bucket.empty() && s.bucket.back() == '/') s.bucket.pop_back();
  if (!valid_bucket(s.bucket))
    return "names no valid bucket (3 to 63 lower-case letters, digits, dots or dashes): s3://bucket?region=…";
  std::string_view query = q == std::string_view::npos ? std::string_view() : rest.substr(q + 1);
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    std::string name(pair.substr(0, eq));
    auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    if (!value) return "has a badly escaped value for " + name;
    auto megabytes = [&](std::uint64_t& target) -> std::optional<std::string> {
      auto n = parse_int(*value);
      if (!n || *n < 5 || *n > 5120) return name + " must be a whole number of MiB from 5 to 5120";
      target = static_cast<std::uint64_t>(*n) << 20;
      return std::nullopt;
    };
    if (name == "region") {
      if (!valid_region(*value)) return "region must be an AWS region name such as eu-west-2";
      s.region = *value;
    } else if (name == "endpoint") {
      if (!valid_endpoint(*value)) return "endpoint must be http://host[:port] or https://host[:port]";
      s.endpoint = *value;
    } else if (name == "path_style") {
      auto flag = parse_flag(*value);
      if (!flag) return "path_style must be true or false";
      s.path_style = *flag;
    } else if (name == "part_size_mb") {
      if (auto e = megabytes(s.part_size)) return e;
    } else if (name == "multipart_threshold_mb") {
      if (auto e = megabytes(s.multipart_threshold)) return e;
    } else {
      return "has an unknown setting \"" + name +
             "\" (known: region, endpoint, path_style, part_size_mb, multipart_threshold_mb)";
    }
  }
  if (s.region.empty()) return "needs ?region=… (e.g. s3://bucket?region=eu-west-2)";
  if (s.bucket.find('.') != std::string::npos && !s.path_style)
    return "a bucket name with dots needs path_style=true (TLS certificates do not cover it as a host name)";
  out = s;
  return std::nullopt;
}

std::optional<std::string> secrets_manager_arn_region(const std::string& arn) {
  // arn:partition:secretsmanager:region:account:secret:name
  if (arn.rfind("arn:", 0) != 0 || arn.size() > 2048 || !printable_ascii(arn, false)) return std::nullopt;
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (int i = 0; i < 6; ++i) {
    auto colon = arn.find(':', start);
    if (colon == std::string::npos) return std::nullopt;
    parts.push_back(arn.substr(start, colon - start));
    start = colon + 1;
  }
  if (parts[2] != "secretsmanager" || parts[5] != "secret" || start >= arn.size()) return std::nullopt;
  const auto& region = parts[3];
  if (region.empty() || region.size() > 32) return std::nullopt;
  for (char c : region)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return std::nullopt;
  return region;
}

std::optional<ConfigError> load_config(const EnvLookup& env, const std::map<std::string, std::string>& overrides,
                                       bool need_jwt_secret, Config& c) {
  auto get = [&](const std::string& name) -> std::optional<std::string> {
    if (auto it = overrides.find(name); it != overrides.end()) return it->second;
    auto v = env(name);
    if (v && v->empty()) return std::nullopt;  // an empty variable counts as unset
    return v;
  };
  auto int_setting = [&](const std::string& name, int& target, int min, int max) -> std::optional<ConfigError> {
    if (auto v = get(name)) {
      auto n = parse_int(*v);
      if (!n || *n < min || *n > max)
        return ConfigError{name, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                                     ", got \"" + *v + "\""};
      target = *n;
    }
    return std::nullopt;
  };

  if (auto e = int_setting("PORT", c.port, 0, 65535)) return e;  // 0: any free port (logged once bound)
  if (auto v = get("BIND")) c.bind = *v;
  if (auto v = get("DATA_DIR")) c.data_dir = *v;
  if (auto v = get("DATABASE_URL")) c.database_url = *v;
  if (!is_sqlite_url(c.database_url) && !is_postgres_url(c.database_url))
    return ConfigError{"DATABASE_URL", "must start with sqlite:// or postgresql://"};
  if (is_sqlite_url(c.database_url) && c.database_url.size() <= std::string("sqlite://").size())
    return ConfigError{"DATABASE_URL", "names no database file (use sqlite:///path/to/file.db)"};
  if (auto v = get("DATABASE_READ_URL")) {
    if (!is_postgres_url(*v)) return ConfigError{"DATABASE_READ_URL", "must start with postgresql://"};
    if (!is_postgres_url(c.database_url))
      return ConfigError{"DATABASE_READ_URL", "needs a postgresql:// DATABASE_URL (a replica of it)"};
    c.database_read_url = *v;
  }
  if (auto v = get("DATABASE_PASSWORD_SECRET_ARN")) {
    if (!secrets_manager_arn_region(*v))
      return ConfigError{
          "DATABASE_PASSWORD_SECRET_ARN",
          "must be a Secrets Manager secret's ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)"};
    if (!is_postgres_url(c.database_url))
      return ConfigError{"DATABASE_PASSWORD_SECRET_ARN", "applies only to a postgresql:// DATABASE_URL"};
    c.database_password_secret_arn = *v;
    if (auto endpoint = get("AWS_ENDPOINT_URL_SECRETS_MANAGER")) {
      if ((endpoint->rfind("https://", 0) != 0 && endpoint->rfind("http://", 0) != 0) ||
          !printable_ascii(*endpoint, false))
        return ConfigError{"AWS_ENDPOINT_URL_SECRETS_MANAGER", "must be an http:// or https:// URL"};
      c.secrets_manager_endpoint = *endpoint;
    }
  }
  if (auto v = get("LOG_LEVEL")) {
    if (!log::parse_level(*v, c.log_level))
      return ConfigError{"LOG_LEVEL", "must be one of debug, info, warn, error, off; got \"" + *v + "\""};
  }
  if (auto v = get("REFERENCE_DATA_DIR")) c.reference_data_dir = *v;
  if (auto e = int_setting("DRAIN_SECONDS", c.drain_seconds, 0, 600)) return e;
  if (auto e = int_setting("LAME_DUCK_SECONDS", c.lame_duck_seconds, 0, 120)) return e;
  if (auto e = int_setting("IO_THREADS", c.io_threads, 0, 256)) return e;
  if (auto e = int_setting("DB_POOL_SIZE", c.db_pool_size, 0, 256)) return e;
  if (auto e = int_setting("DB_READ_WORKERS", c.db_read_workers, 0, 256)) return e;
  if (auto e = int_setting("DB_QUEUE_LIMIT", c.db_queue_limit, 1, 100000)) return e;
  if (auto e = int_setting("DB_POOL_WAIT_MS", c.db_pool_wait_ms, 1, 600000)) return e;
  if (auto e = int_setting("MAX_CONNECTIONS", c.max_connections, 1, 1000000)) return e;
  int body_kib = static_cast<int>(c.max_body_bytes / 1024);
  if (auto e = int_setting("MAX_BODY_KIB", body_kib, 1, 1024 * 1024)) return e;
  c.max_body_bytes = static_cast<std::size_t>(body_kib) * 1024;
  if (auto v = get("DOCUMENT_MAX_BYTES")) {
    std::uint64_t n = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    constexpr std::uint64_t kMax = 5ull << 30;
    if (v->empty() || ec != std::errc() || ptr != v->data() + v->size() || n < 1024 || n > kMax)
      return ConfigError{"DOCUMENT_MAX_BYTES", "must be a whole number of bytes from 1024 to " + std::to_string(kMax)};
    c.document_max_bytes = n;
  }
  if (auto e = int_setting("READ_TIMEOUT_SECONDS", c.read_timeout_seconds, 1, 3600)) return e;
  if (auto e = int_setting("IDLE_TIMEOUT_SECONDS", c.idle_timeout_seconds, 1, 3600)) return e;
  if (auto e = int_setting("LOGIN_ACCOUNT_ADDRESS_LIMIT", c.login_account_address_limit, 1, 1000)) return e;
  if (auto e = int_setting("LOGIN_ACCOUNT_ADDRESS_WINDOW_SECONDS", c.login_account_address_window_seconds, 1, 86400))
    return e;
  if (auto e = int_setting("LOGIN_ACCOUNT_DELAY_AFTER", c.login_account_delay_after, 1, 10000)) return e;
  if (auto e = int_setting("LOGIN_ACCOUNT_WINDOW_SECONDS", c.login_account_window_seconds, 1, 7 * 86400)) return e;
  if (auto e = int_setting("LOGIN_ACCOUNT_MAX_DELAY_SECONDS", c.login_account_max_delay_seconds, 1, 3600)) return e;
  if (auto e = int_setting("LOGIN_ADDRESS_LIMIT", c.login_address_limit, 1, 1000000)) return e;
  if (auto e = int_setting("LOGIN_ADDRESS_WINDOW_SECONDS", c.login_address_window_seconds, 1, 86400)) return e;
  if (auto e = int_setting("REFRESH_TTL_HOURS", c.refresh_ttl_hours, 1, 24 * 365)) return e;
  if (auto e = int_setting("SESSION_MAX_HOURS", c.session_max_hours, 1, 24 * 365)) return e;
  if (c.refresh_ttl_hours > c.session_max_hours)
    return ConfigError{"REFRESH_TTL_HOURS", "must not be longer than SESSION_MAX_HOURS"};
  if (auto v = get("STORAGE_SSE")) {
    if (*v != "AES256" && *v != "aws:kms") return ConfigError{"STORAGE_SSE", "must be AES256 or aws:kms"};
    c.storage.sse = *v;
  }
  if (auto v = get("STORAGE_KMS_KEY_ID")) {
    if (c.storage.sse != "aws:kms") return ConfigError{"STORAGE_KMS_KEY_ID", "needs STORAGE_SSE=aws:kms"};
    if (v->size() > 2048 || !printable_ascii(*v, false))
      return ConfigError{"STORAGE_KMS_KEY_ID", "must be a KMS key id, alias or ARN"};
    c.storage.kms_key_id = *v;
  }
  if (auto v = get("STORAGE_URL")) {
    if (auto e = parse_storage_url(*v, c.storage)) return ConfigError{"STORAGE_URL", *e};
  } else {
    c.storage.path = (fs::path(c.data_dir) / "blobs").string();
  }
  if (c.storage.kind == StorageSettings::Kind::file && !c.storage.sse.empty())
    return ConfigError{"STORAGE_SSE", "applies only to s3:// storage"};
  if (auto v = get("REDIS_URL")) {
    if (auto e = parse_redis_url(*v, c.redis)) return ConfigError{"REDIS_URL", *e};
  }
  if (auto e = int_setting("REDIS_TIMEOUT_MS", c.redis.timeout_ms, 10, 10000)) return e;
  if (auto e = int_setting("RATE_LIMIT_API_PER_MINUTE", c.rate_limit_api_per_minute, 0, 1000000)) return e;
  if (auto e = int_setting("RATE_LIMIT_UPLOADS_PER_HOUR", c.rate_limit_uploads_per_hour, 0, 1000000)) return e;
  if (auto v = get("TRUST_PROXY")) {
    // true (one proxy, as a load balancer alone), false, or how many proxies each append to
    // X-Forwarded-For (2 for CloudFront in front of the load balancer).
    auto hops = parse_int(*v);
    auto flag = parse_flag(*v);
    if (hops && *hops >= 0 && *hops <= 5 && v->size() == 1) {
      c.trust_proxy = *hops > 0;
      c.proxy_hops = std::max(1, *hops);
    } else if (flag) {
      c.trust_proxy = *flag;
      c.proxy_hops = 1;
    } else {
      return ConfigError{"TRUST_PROXY", "must be true, false or the number of proxies in front (0 to 5)"};
    }
  }
  if (auto v = get("WEBHOOKS_ALLOW_PRIVATE_TARGETS")) {
    auto flag = parse_flag(*v);
    if (!flag) return ConfigError{"WEBHOOKS_ALLOW_PRIVATE_TARGETS", "must be true or false"};
    c.webhooks_allow_private_targets = *flag;
  }

  if (auto v = get("METRICS_TOKEN")) {
    if (v->size() < 32 || !printable_ascii(*v, false))
      return ConfigError{"METRICS_TOKEN", "must be at least 32 printable characters without spaces"};
    c.metrics_token = *v;
  }
  if (auto e = int_setting("REMINDER_LEAD_MINUTES", c.reminder_lead_minutes, 0, 14 * 24 * 60)) return e;
  if (auto v = get("SMTP_URL")) {
    if ((v->rfind("smtp://", 0) != 0 && v->rfind("smtps://", 0) != 0) || v->size() < 8 || !printable_ascii(*v, false))
      return ConfigError{"SMTP_URL", "must be smtp://host[:port] or smtps://host[:port]"};
    c.smtp.enabled = true;
    c.smtp.url = *v;
    auto from = get("SMTP_FROM");
    if (!from) return ConfigError{"SMTP_FROM", "is required with SMTP_URL (the reminders' sender address)"};
    auto at = from->find('@');
    if (at == std::string::npos || at == 0 || at + 1 == from->size() || from->find('@', at + 1) != std::string::npos ||
        !printable_ascii(*from, false) || from->find_first_of("<>,;\"()") != std::string::npos)
      return ConfigError{"SMTP_FROM", "must be a plain address such as cma@example.org"};
    c.smtp.from = *from;
    for (auto [name, target] : {std::pair<const char*, std::string*>{"SMTP_USERNAME", &c.smtp.username},
                                std::pair<const char*, std::string*>{"SMTP_PASSWORD", &c.smtp.password}}) {
      if (auto value = get(name)) {
        *target = *value;
      } else if (auto file = get(std::string(name) + "_FILE")) {
        std::string err;
        auto secret = read_secret_file(*file, err);
        if (!secret) return ConfigError{std::string(name) + "_FILE", err};
        *target = *secret;
      }
    }
    if (c.smtp.username.empty() != c.smtp.password.empty())
      return ConfigError{"SMTP_PASSWORD", "SMTP_USERNAME and SMTP_PASSWORD go together"};
    if (auto e = int_setting("SMTP_TIMEOUT_SECONDS", c.smtp.timeout_seconds, 1, 600)) return e;
  }
  if (auto v = get("CMA_EMF")) {
    auto flag = parse_flag(*v);
    if (!flag) return ConfigError{"CMA_EMF", "must be true or false"};
    c.emf = *flag;
  }
  if (auto e = int_setting("CMA_EMF_INTERVAL_SECONDS", c.emf_interval_seconds, 1, 3600)) return e;
  if (auto v = get("CMA_EMF_NAMESPACE")) {
    if (!valid_metric_namespace(*v))
      return ConfigError{"CMA_EMF_NAMESPACE",
                         "must be 1 to 255 letters, digits or . - _ / # : and not start with AWS/"};
    c.emf_namespace = *v;
  }
  if (auto v = get("CMA_ENVIRONMENT")) {
    if (v->size() > 255 || !printable_ascii(*v, true))
      return ConfigError{"CMA_ENVIRONMENT", "must be at most 255 printable characters"};
    c.environment = *v;
  }
  if (auto v = get("AWS_XRAY_DAEMON_ADDRESS")) {
    if (!xray::parse_daemon_address(*v))
      return ConfigError{"AWS_XRAY_DAEMON_ADDRESS", "must be host:port (UDP), e.g. 127.0.0.1:2000"};
    c.xray_daemon_address = *v;
  }
  if (auto v = get("AWS_XRAY_TRACING_NAME")) {
    if (!xray::valid_segment_name(*v))
      return ConfigError{"AWS_XRAY_TRACING_NAME",
                         "must be 1 to 200 letters, digits, spaces or _ . : / % & # = + \\ - @"};
    c.xray_tracing_name = *v;
  }
  if (auto v = get("CMA_XRAY_SAMPLING_RATE")) {
    auto rate = parse_fraction(*v);
    if (!rate) return ConfigError{"CMA_XRAY_SAMPLING_RATE", "must be a number from 0 to 1, got \"" + *v + "\""};
    c.xray_sampling_rate = *rate;
  }

  if (!need_jwt_secret) return std::nullopt;
  std::string secret;
  if (auto v = get("JWT_SECRET")) {
    secret = *v;
    c.jwt_secret_source = "JWT_SECRET";
  } else if (auto f = get("JWT_SECRET_FILE")) {
    std::string err;
    auto s = read_secret_file(*f, err);
    if (!s) return ConfigError{"JWT_SECRET_FILE", err};
    secret = *s;
    c.jwt_secret_source = "JWT_SECRET_FILE";
  } else if (is_sqlite_url(c.database_url)) {
    fs::path path = fs::path(c.data_dir) / "jwt-secret";
    std::error_code ec;
    fs::create_directories(c.data_dir, ec);
    if (!fs::exists(path)) {
      auto old = ::umask(077);
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out << base64url_encode(random_bytes(48)) << '\n';
      out.close();
      ::umask(old);
      if (!out) return ConfigError{"JWT_SECRET_FILE", "cannot write a generated secret to " + path.string()};
    }
    ::chmod(path.c_str(), 0600);
    std::string err;
    auto s = read_secret_file(path.string(), err);
    if (!s) return ConfigError{"JWT_SECRET_FILE", err};
    secret = *s;
    c.jwt_secret_source = path.string();
  } else {
    return ConfigError{"JWT_SECRET", "is required with a PostgreSQL database (or set JWT_SECRET_FILE)"};
  }
  if (secret.size() < 32)
    return ConfigError{c.jwt_secret_source == "JWT_SECRET" ? "JWT_SECRET" : "JWT_SECRET_FILE",
                       "must be at least 32 characters"};
  c.jwt_secret = secret;
  return std::nullopt;
}

}  // namespace cma::platform
