#include "main/wiring.hpp"

#include <stdexcept>

#include "app/identity/centres.hpp"
#include "app/identity/ports.hpp"
#include "app/identity/users.hpp"
#include "blob/content_sniffer.hpp"
#include "blob/credentials.hpp"
#include "blob/s3_store.hpp"
#include "blob/secrets_manager.hpp"
#include "blob/webhooks/http_transport.hpp"
#include "extract/text_extractor.hpp"
#include "mail/smtp_mailer.hpp"
#include "platform/crypto.hpp"
#include "platform/log.hpp"
#include "redis/job_wakeups.hpp"
#include "redis/rate_limiter.hpp"
#include "refdata/reference_data.hpp"

namespace cma::main {

std::unique_ptr<Core> make_core(const platform::Config& config, int pool_size) {
  auto core = std::make_unique<Core>();
  core->ids = std::make_unique<platform::UuidV7Generator>(core->clock);
  // Checked before the database is touched: a bad replacement file stops start-up with its name.
  core->reference = refdata::load_reference_data(config.reference_data_dir);
  core->db = std::make_unique<store::SociDatabase>(
      config.database_url, pool_size, std::chrono::milliseconds(config.db_pool_wait_ms), config.database_read_url);
  if (!config.database_password_secret_arn.empty()) {
    std::string error;
    auto credentials = blob::credentials_from_env(platform::process_env(), error);
    if (!credentials) throw std::runtime_error("DATABASE_PASSWORD_SECRET_ARN: " + error);
    auto secret = std::make_shared<blob::SecretsManagerPassword>(
        config.database_password_secret_arn, *platform::secrets_manager_arn_region(config.database_password_secret_arn),
        config.secrets_manager_endpoint, std::move(credentials));
    core->db->set_password_source([secret](const std::string* refused) {
      auto before = secret->reads();
      auto password = secret->get(refused);
      if (!password) throw app::StoreUnavailable("the database password could not be read: " + password.error().detail);
      if (refused != nullptr && secret->reads() != before)
        platform::log::info("db.password_read",
                            platform::log::Fields().add("reads", static_cast<std::int64_t>(secret->reads())));
      return *password;
    });
  }
  core->limits = rate_limits(config);
  core->webhook_transport = std::make_unique<blob::CurlWebhookTransport>();
  core->webhooks.transport = core->webhook_transport.get();
  core->webhooks.allow_private_targets = config.webhooks_allow_private_targets;
  core->reminder_lead_minutes = config.reminder_lead_minutes;
  if (config.smtp.enabled) core->mailer = std::make_unique<mail::SmtpMailer>(config.smtp);
  if (config.redis.enabled) {
    core->redis = std::make_unique<redis::Client>(config.redis);
    core->limiter = std::make_unique<redis::RedisRateLimiter>(*core->redis);
    core->job_notifier = std::make_unique<redis::RedisJobNotifier>(*core->redis);
  } else {
    core->limiter = std::make_unique<app::InProcessRateLimiter>();
  }
  if (!config.jwt_secret.empty()) {
    using std::chrono::hours;
    using std::chrono::seconds;
    domain::LoginThrottlePolicy throttle;
    throttle.account_at_address = {config.login_account_address_limit,
                                   seconds(config.login_account_address_window_seconds)};
    throttle.account = {config.login_account_delay_after, seconds(config.login_account_window_seconds), seconds(1),
                        seconds(config.login_account_max_delay_seconds)};
    throttle.address = {config.login_address_limit, seconds(config.login_address_window_seconds)};
    app::SessionPolicy sessions{hours(config.refresh_ttl_hours), hours(config.session_max_hours)};
    core->auth = std::make_unique<app::AuthService>(
        core->deps(), app::AccessTokenCodec(config.jwt_secret, std::chrono::minutes(15)), sessions, throttle);
  }
  return core;
}

app::RateLimits rate_limits(const platform::Config& config) {
  app::RateLimits limits;
  limits.api_per_user.limit = config.rate_limit_api_per_minute;
  limits.upload_per_user.limit = config.rate_limit_uploads_per_hour;
  return limits;
}

void log_rate_limits(Core& core) {
  namespace log = platform::log;
  log::Fields f;
  f.add("store", core.redis ? core.redis->settings().describe() : std::string("in-process"))
      .add("api_per_minute", core.limits.api_per_user.limit)
      .add("uploads_per_hour", core.limits.upload_per_user.limit);
  if (core.redis) {
    auto pong = core.redis->command({"PING"});
    f.add("redis_answers", pong.has_value() && !pong->is_error());
  }
  log::info("rate_limits.ready", f);
}

std::unique_ptr<app::BlobStore> make_blob_store(const platform::Config& config) {
  return blob::make_blob_store(config.storage, platform::process_env());
}

std::unique_ptr<app::ContentSniffer> make_content_sniffer() {
  return std::make_unique<blob::MagicSniffer>();
}

std::unique_ptr<app::TextExtractor> make_text_extractor_or_log() {
  try {
    return extract::make_text_extractor();
  } catch (const std::exception& e) {
    platform::log::error("extract.unavailable", platform::log::Fields().add("reason", e.what()));
    return nullptr;
  }
}

app::Actor system_actor(const std::string& command) {
  app::Actor a{app::Principal::operator_command(), {}};
  a.meta.request_id = "cli-" + platform::to_hex(platform::random_bytes(6));
  a.meta.ip = "local";
  a.meta.user_agent = "cma " + command;
  return a;
}

std::vector<DemoLogin> seed_demo(Core& core) {
  {
    auto tx = core.db->begin(app::TxMode::read);
    if (tx->get<app::UserRepository>().count() > 0) return {};
  }
  auto deps = core.deps();
  auto actor = system_actor("seed-demo");
  auto centre = [&](const char* name, const char* code, const char* address) {
    auto c = app::create_centre(deps, actor,
                                app::CentreInput{name,
                                                 code,
                                                 address,
                                                 std::string("hello@example.org"),
                                                 std::string("0161 000 0000"),
                                                 std::string("{}"),
                                                 {}});
    if (!c) throw std::runtime_error("seeding a demo centre failed: " + c.error().detail);
    return c.value();
  };
  auto manchester = centre("Manchester Debt Advice Centre", "MAN", "1 Demo Street, Manchester M1 1AA");
  auto leeds = centre("Leeds Money Advice", "LDS", "2 Sample Road, Leeds LS1 1BB");

  std::vector<DemoLogin> logins;
  auto user = [&](const app::Centre& c, const char* email, const char* first, const char* last, const char* role) {
    std::string password = platform::base64url_encode(platform::random_bytes(12));
    auto u = app::create_user(
        deps, actor,
        app::UserInput{
            c.id, std::string(email), std::string(first), std::string(last), std::string(role), password, {}});
    if (!u) throw std::runtime_error("seeding a demo user failed: " + u.error().detail);
    logins.push_back({email, role, c.code, password});
  };
  user(manchester, "admin@example.org", "Ada", "Admin", "admin");
  user(manchester, "manager.man@example.org", "Mina", "Manager", "manager");
  user(manchester, "advisor.man@example.org", "Adam", "Adviser", "advisor");
  user(manchester, "trainee.man@example.org", "Tia", "Trainee", "trainee");
  user(leeds, "manager.lds@example.org", "Lee", "Manager", "manager");
  user(leeds, "advisor.lds@example.org", "Lia", "Adviser", "advisor");
  user(leeds, "trainee.lds@example.org", "Tom", "Trainee", "trainee");
  return logins;
}

}  // namespace cma::main
