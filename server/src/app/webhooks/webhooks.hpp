#pragma once
// Webhooks (docs/webhooks.md): a centre's managers register endpoints for some events; each event
// becomes one delivery per subscribed endpoint, written with a webhook.deliver job in the same
// transaction as the change it reports, then POSTed, signed, by a worker, retried with backoff.
#include <string>

#include "app/context.hpp"
#include "app/model.hpp"
#include "app/webhooks/ports.hpp"
#include "app/webhooks/records.hpp"
#include "domain/result.hpp"
#include "domain/webhooks/webhook_rules.hpp"

namespace cma::app {

inline constexpr const char* kNoSuchWebhook = "No such webhook.";
inline constexpr const char* kNoSuchWebhookDelivery = "No such delivery.";
inline constexpr const char* kWebhookDeliverJob = "webhook.deliver";

// Managers of the centre and admins (webhooks_manage).
Result<WebhookEndpointWithSecret> create_webhook(const Deps& deps, const Actor& actor, const WebhookInput& in);
Result<Page<WebhookEndpoint>> list_webhooks(const Deps& deps, const Actor& actor, const PageRequest& page);
Result<WebhookEndpoint> get_webhook(const Deps& deps, const Actor& actor, const std::string& id);
Result<WebhookEndpoint> update_webhook(const Deps& deps, const Actor& actor, const std::string& id,
                                       const WebhookInput& in);
Result<WebhookEndpoint> delete_webhook(const Deps& deps, const Actor& actor, const std::string& id);
Result<WebhookEndpointWithSecret> rotate_webhook_secret(const Deps& deps, const Actor& actor, const std::string& id);
Result<Page<WebhookDelivery>> list_webhook_deliveries(const Deps& deps, const Actor& actor, const std::string& id,
                                                      const PageRequest& page);
// Sends a delivery again (a new job), whatever its status.
Result<WebhookDelivery> redeliver_webhook(const Deps& deps, const Actor& actor, const std::string& id,
                                          const std::string& delivery_id);
// A webhook.ping event to this endpoint only.
Result<WebhookDelivery> ping_webhook(const Deps& deps, const Actor& actor, const std::string& id);

// Records an event of `scope`'s centre inside the caller's open write transaction: one delivery and
// one webhook.deliver job per active endpoint of that centre subscribed to `type`. `data_json` is a
// JSON object of ids and other non-personal fields only (no names, NI numbers or amounts): it
// leaves the system. Returns the number of deliveries.
int record_webhook_event(const Deps& deps, Transaction& tx, const CentreScope& scope, const std::string& type,
                         const std::string& data_json);

// document.processed, for the text-extraction job once a document's extraction has ended:
// {"documentId", "caseId", "status"} (status: the document's extraction status).
int record_document_processed_event(const Deps& deps, Transaction& tx, const CentreScope& scope,
                                    const std::string& document_id, const std::string& case_id,
                                    const std::string& status);

// Where a URL may point under the operator's settings: nullopt, or why not (for the field "url").
// Resolves the host; every address it resolves to must be allowed. `address` gets the first one,
// to connect to.
std::optional<std::string> check_webhook_target(const Deps& deps, const std::string& url, std::string* address);

// One attempt of the webhook.deliver job for `delivery_id` (the job's `attempt` of `max_attempts`).
struct WebhookAttempt {
  enum class Outcome { delivered, retry, failed, nothing_to_do };
  Outcome outcome = Outcome::nothing_to_do;
  std::string error;
};
WebhookAttempt deliver_webhook(const Deps& deps, const std::string& centre_id, const std::string& delivery_id,
                               int attempt, int max_attempts);

// "v1=" + hex HMAC-SHA256(secret, "<id>.<timestamp>.<body>").
std::string webhook_signature(const std::string& secret, const std::string& delivery_id, long long unix_seconds,
                              const std::string& body);

}  // namespace cma::app
