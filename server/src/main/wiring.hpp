#pragma once
// Builds the object graph for each command from a Config. The only place that sees every layer.
#include <memory>
#include <string>

#include "app/auth/auth_service.hpp"
#include "app/blobs/blob_store.hpp"
#include "app/context.hpp"
#include "app/dashboard/cache.hpp"
#include "app/documents/ports.hpp"
#include "app/documents/text_extractor.hpp"
#include "app/jobs/ports.hpp"
#include "app/limits/rate_limiter.hpp"
#include "app/notifications/ports.hpp"
#include "app/webhooks/ports.hpp"
#include "platform/config.hpp"
#include "redis/client.hpp"
#include "store/database.hpp"

namespace cma::main {

struct Core {
  platform::SystemClock clock;
  std::unique_ptr<platform::UuidV7Generator> ids;
  std::unique_ptr<store::SociDatabase> db;
  std::unique_ptr<app::ReferenceData> reference;
  std::unique_ptr<app::AuthService> auth;         // only when a JWT secret is configured
  std::unique_ptr<app::BlobStore> blobs;          // `cma serve` only: documents' bytes
  std::unique_ptr<app::ContentSniffer> sniffer;   // `cma serve` only: uploads' types
  std::unique_ptr<app::TextExtractor> extractor;  // where jobs run: documents' text
  app::DashboardCache dashboard_cache;
  std::unique_ptr<redis::Client> redis;            // when REDIS_URL is set
  std::unique_ptr<app::RateLimiter> limiter;       // over Redis when set, else in this process
  std::unique_ptr<app::JobNotifier> job_notifier;  // when REDIS_URL is set: wakes every process's workers
  app::RateLimits limits;
  std::unique_ptr<app::WebhookTransport> webhook_transport;
  app::WebhookSettings webhooks;        // WEBHOOKS_ALLOW_PRIVATE_TARGETS, and the transport
  std::unique_ptr<app::Mailer> mailer;  // when SMTP_URL is set: reminder e-mails
  int reminder_lead_minutes = 24 * 60;

  app::Deps deps() {
    return app::Deps{*db,
                     clock,
                     *ids,
                     *reference,
                     &dashboard_cache,
                     blobs.get(),
                     sniffer.get(),
                     extractor.get(),
                     job_notifier.get(),
                     &webhooks,
                     mailer.get(),
                     reminder_lead_minutes};
  }
};

std::unique_ptr<Core> make_core(const platform::Config& config, int pool_size);

// The rate limits RATE_LIMIT_* set, counted in Redis when REDIS_URL is set (docs/redis.md).
app::RateLimits rate_limits(const platform::Config& config);

// Logs where the rate limits are counted and, with REDIS_URL, whether Redis answers now (the API
// serves either way).
void log_rate_limits(Core& core);

// The object store STORAGE_URL names (its directory made, its credentials found); throws
// std::runtime_error with a one-line reason otherwise.
std::unique_ptr<app::BlobStore> make_blob_store(const platform::Config& config);
// libmagic with the system's database; throws std::runtime_error when it cannot be loaded.
std::unique_ptr<app::ContentSniffer> make_content_sniffer();

// The text extractor over poppler-cpp and Tesseract, or null (logged) when the OCR engine cannot
// start: extraction jobs then fail visibly after their attempts.
std::unique_ptr<app::TextExtractor> make_text_extractor_or_log();

// The actor for operator commands run on the machine itself (audited as the system).
app::Actor system_actor(const std::string& command);

struct DemoLogin {
  std::string email;
  std::string role;
  std::string centre;
  std::string password;
};

// Creates the demo network (two centres, a user for each role) when the database has no users.
// Returns the logins it created, or none when the database already had users.
std::vector<DemoLogin> seed_demo(Core& core);

}  // namespace cma::main
