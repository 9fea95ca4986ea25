#pragma once
// Configuration: environment variables, overridden by command-line flags. An invalid setting stops
// the process with one line naming the variable.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "platform/log.hpp"

namespace cma::platform {

inline constexpr int kDefaultDbPoolWaitMs = 3000;

// Where documents' bytes go (docs/storage.md): STORAGE_URL, STORAGE_SSE and STORAGE_KMS_KEY_ID.
struct StorageSettings {
  enum class Kind { file, s3 };
  Kind kind = Kind::file;
  std::string path;  // file: the directory; "" until resolved against DATA_DIR
  // s3://bucket?region=…[&endpoint=http://host:port][&path_style=true][&part_size_mb=N][&multipart_threshold_mb=N]
  std::string bucket;
  std::string region;
  std::string endpoint;  // "" = AWS's regional endpoint
  bool path_style = false;
  std::uint64_t part_size = 8ULL << 20;             // multipart part size (S3's minimum is 5 MiB)
  std::uint64_t multipart_threshold = 16ULL << 20;  // objects larger than this go up in parts
  std::string sse;                                  // "", "AES256" or "aws:kms"
  std::string kms_key_id;                           // with aws:kms; "" = the bucket's default key
};

// Parses a STORAGE_URL; returns the reason when it is not one.
std::optional<std::string> parse_storage_url(const std::string& url, StorageSettings& out);

// REDIS_URL (docs/redis.md): redis://[[user]:password@]host[:port][/db], or rediss:// for TLS.
struct RedisSettings {
  bool enabled = false;
  bool tls = false;
  std::string host;
  int port = 6379;
  std::string username;  // "" = the default user
  std::string password;  // "" = no AUTH
  int db = 0;            // SELECTed after connecting when not 0
  int timeout_ms = 250;  // REDIS_TIMEOUT_MS: connecting, and each command's reply
  // Where it points, without the password, for logs.
  std::string describe() const;
};

// Parses a REDIS_URL; returns the reason when it is not one.
std::optional<std::string> parse_redis_url(const std::string& url, RedisSettings& out);

// Outgoing e-mail (docs/notifications.md): SMTP_URL, SMTP_FROM, SMTP_USERNAME and SMTP_PASSWORD
// (each of the last two also as *_FILE).
struct SmtpSettings {
  bool enabled = false;
  std::string url;  // smtp://host[:port] or smtps://host[:port]
  std::string from;
  std::string username;  // "" = no AUTH
  std::string password;
  int timeout_seconds = 60;  // SMTP_TIMEOUT_SECONDS: one message, connecting included
};

struct Config {
  int port = 5000;
  std::string bind = "127.0.0.1";
  std::string database_url = "sqlite:///./var/cma.db";
  // DATABASE_READ_URL: a PostgreSQL read replica for search, the dashboard, the audit trail's pages
  // and reports ("" = none; those reads go to the primary).
  std::string database_read_url;
  // DATABASE_PASSWORD_SECRET_ARN: the database password is read from this Secrets Manager secret
  // (an RDS-managed one), and read again when the database refuses it after a rotation.
  // AWS_ENDPOINT_URL_SECRETS_MANAGER: another endpoint for it ("" = the region's).
  std::string database_password_secret_arn;
  std::string secrets_manager_endpoint;
  std::string jwt_secret;         // resolved from JWT_SECRET, JWT_SECRET_FILE or ./var/jwt-secret
  std::string jwt_secret_source;  // where it came from (never the value) for the start-up log
  log::Level log_level = log::Level::info;
  int drain_seconds = 20;      // ECS stops a task 30 s after SIGTERM by default
  int lame_duck_seconds = 0;   // serving on with /health failing after SIGTERM, before the drain
  int io_threads = 0;          // 0: one per core
  int db_pool_size = 0;        // write workers; 0: chosen from the database kind
  int db_read_workers = 0;     // read workers; 0: two per core
  int db_queue_limit = 256;    // queued requests waiting for a database worker before 503
  int max_connections = 1024;  // open client connections; a new one beyond this gets 503 and is closed
  // How long a request waits for a free database connection before 503.
  int db_pool_wait_ms = kDefaultDbPoolWaitMs;
  std::size_t max_body_bytes = 1024 * 1024;
  std::uint64_t document_max_bytes = 25ull * 1024 * 1024;  // DOCUMENT_MAX_BYTES: one uploaded file (docs/documents.md)
  int read_timeout_seconds = 15;
  int idle_timeout_seconds = 75;   // keep-alive; longer than the ALB's 60 s so the ALB closes first
  std::string reference_data_dir;  // REFERENCE_DATA_DIR: replacement reference-data files ("" = built in)
  std::string data_dir = "./var";  // embedded mode: database, generated secret, later documents
  // TRUST_PROXY: take the client IP from X-Forwarded-For, where each of `proxy_hops` proxies in
  // front (the ALB; CloudFront then the ALB: 2) appended the address it saw.
  bool trust_proxy = false;
  int proxy_hops = 1;
  StorageSettings storage;  // default: files under {data_dir}/blobs
  // WEBHOOKS_ALLOW_PRIVATE_TARGETS: webhooks may reach loopback, private and link-local addresses,
  // and use http:// (tests, local development; docs/webhooks.md). Off in production.
  bool webhooks_allow_private_targets = false;

  // Observability (docs/operations.md, "Metrics and traces").
  std::string metrics_token;              // METRICS_TOKEN: bearer token for GET /metrics; "" = no /metrics
  bool emf = false;                       // CMA_EMF: CloudWatch EMF metric lines on stdout
  int emf_interval_seconds = 60;          // CMA_EMF_INTERVAL_SECONDS: one line per route per interval
  std::string emf_namespace = "CMA";      // CMA_EMF_NAMESPACE
  std::string environment;                // CMA_ENVIRONMENT: the metrics' Environment dimension
  std::string xray_daemon_address;        // AWS_XRAY_DAEMON_ADDRESS: host:port (UDP); "" = no tracing
  std::string xray_tracing_name = "cma";  // AWS_XRAY_TRACING_NAME: the segments' name
  double xray_sampling_rate = 0.05;       // CMA_XRAY_SAMPLING_RATE: share of untraced requests, after 1/s

  // Sign-in throttling (docs/operations.md): one account at one address, one account from anywhere,
  // one address across accounts.
  int login_account_address_limit = 5;
  int login_account_address_window_seconds = 15 * 60;
  int login_account_delay_after = 10;
  int login_account_window_seconds = 60 * 60;
  int login_account_max_delay_seconds = 60;
  int login_address_limit = 100;
  int login_address_window_seconds = 15 * 60;
  // Rate limits (docs/redis.md), shared through Redis when REDIS_URL is set; 0 turns one off.
  RedisSettings redis;
  int rate_limit_api_per_minute = 600;    // RATE_LIMIT_API_PER_MINUTE: authenticated calls per user
  int rate_limit_uploads_per_hour = 120;  // RATE_LIMIT_UPLOADS_PER_HOUR: uploads per user
  // Appointment reminders (docs/notifications.md).
  SmtpSettings smtp;                    // e-mail with the in-app notification when SMTP_URL is set
  int reminder_lead_minutes = 24 * 60;  // REMINDER_LEAD_MINUTES
  // Sessions: a refresh token unused this long ends; no session outlives the maximum.
  int refresh_ttl_hours = 14 * 24;
  int session_max_hours = 30 * 24;
};

struct ConfigError {
  std::string variable;
  std::string message;
  std::string line() const { return "configuration error: " + variable + ": " + message; }
};

using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
EnvLookup process_env();

// `overrides` holds flag values by variable name (e.g. {"PORT","8080"}); they win over the environment.
// When no JWT secret is configured and the database is embedded SQLite, one is generated
// under data_dir with mode 0600 (and reused afterwards).
std::optional<ConfigError> load_config(const EnvLookup& env, const std::map<std::string, std::string>& overrides,
                                       bool need_jwt_secret, Config& out);

bool is_sqlite_url(const std::string& url);
bool is_postgres_url(const std::string& url);
// The region of a Secrets Manager secret's ARN (arn:aws:secretsmanager:eu-west-2:123456789012:secret:name),
// or nullopt when `arn` is not one.
std::optional<std::string> secrets_manager_arn_region(const std::string& arn);

}  // namespace cma::platform
