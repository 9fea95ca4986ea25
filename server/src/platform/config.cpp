#include "platform/config.hpp"

#include <sys/stat.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

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
  if (auto v = get("LOG_LEVEL")) {
    if (!log::parse_level(*v, c.log_level))
      return ConfigError{"LOG_LEVEL", "must be one of debug, info, warn, error, off; got \"" + *v + "\""};
  }
  if (auto v = get("REFERENCE_DATA_DIR")) c.reference_data_dir = *v;
  if (auto e = int_setting("DRAIN_SECONDS", c.drain_seconds, 0, 600)) return e;
  if (auto e = int_setting("IO_THREADS", c.io_threads, 0, 256)) return e;
  if (auto e = int_setting("DB_POOL_SIZE", c.db_pool_size, 0, 256)) return e;
  if (auto e = int_setting("DB_QUEUE_LIMIT", c.db_queue_limit, 1, 100000)) return e;
  if (auto e = int_setting("DB_POOL_WAIT_MS", c.db_pool_wait_ms, 1, 600000)) return e;
  if (auto e = int_setting("MAX_CONNECTIONS", c.max_connections, 1, 1000000)) return e;
  int body_kib = static_cast<int>(c.max_body_bytes / 1024);
  if (auto e = int_setting("MAX_BODY_KIB", body_kib, 1, 1024 * 1024)) return e;
  c.max_body_bytes = static_cast<std::size_t>(body_kib) * 1024;
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
  if (auto v = get("TRUST_PROXY")) {
    auto flag = parse_flag(*v);
    if (!flag) return ConfigError{"TRUST_PROXY", "must be true or false"};
    c.trust_proxy = *flag;
  }

  if (auto v = get("METRICS_TOKEN")) {
    if (v->size() < 32 || !printable_ascii(*v, false))
      return ConfigError{"METRICS_TOKEN", "must be at least 32 printable characters without spaces"};
    c.metrics_token = *v;
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
