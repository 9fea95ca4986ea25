#pragma once
// Webhook endpoints and their deliveries, always within one centre (or every centre for an
// admin's list, allow-listed in scripts/check_tenant_queries.py).

namespace cma::store::webhooks::sql {

#define CMA_WEBHOOK_COLUMNS \
  "id, centre_id, url, events, secret, description, active, created_by, created_at, updated_at"

inline constexpr const char* kInsertWebhook =
    "INSERT INTO webhook_endpoints (" CMA_WEBHOOK_COLUMNS
    ") VALUES (:id, :centre, :url, :events, :secret, :description, :active, :created_by, :created, :updated)";
inline constexpr const char* kFindWebhook =
    "SELECT " CMA_WEBHOOK_COLUMNS " FROM webhook_endpoints WHERE id = :id AND centre_id = :centre";
inline constexpr const char* kFindWebhookAnyCentre =
    "SELECT " CMA_WEBHOOK_COLUMNS " FROM webhook_endpoints WHERE id = :id";
inline constexpr const char* kUpdateWebhook =
    "UPDATE webhook_endpoints SET url = :url, events = :events, secret = :secret, description = :description, "
    "active = :active, updated_at = :updated WHERE id = :id AND centre_id = :centre";
inline constexpr const char* kDeleteWebhookDeliveries =
    "DELETE FROM webhook_deliveries WHERE endpoint_id = :id AND centre_id = :centre";
inline constexpr const char* kDeleteWebhook = "DELETE FROM webhook_endpoints WHERE id = :id AND centre_id = :centre";
inline constexpr const char* kListWebhooks =
    "SELECT " CMA_WEBHOOK_COLUMNS
    " FROM webhook_endpoints WHERE centre_id = :centre AND (:after = '' OR id < :after) ORDER BY id DESC LIMIT :limit";
inline constexpr const char* kListWebhooksAllCentres =
    "SELECT " CMA_WEBHOOK_COLUMNS
    " FROM webhook_endpoints WHERE (:after = '' OR id < :after) ORDER BY id DESC LIMIT :limit";
inline constexpr const char* kActiveWebhooks =
    "SELECT " CMA_WEBHOOK_COLUMNS " FROM webhook_endpoints WHERE centre_id = :centre AND active = 1 ORDER BY id";

#define CMA_WEBHOOK_DELIVERY_COLUMNS                                                                            \
  "id, centre_id, endpoint_id, event_id, event_type, payload, attempts, status, last_status_code, last_error, " \
  "last_attempt_at, delivered_at, created_at, updated_at"

inline constexpr const char* kInsertWebhookDelivery =
    "INSERT INTO webhook_deliveries (" CMA_WEBHOOK_DELIVERY_COLUMNS
    ") VALUES (:id, :centre, :endpoint, :event_id, :event_type, :payload, :attempts, :status, :code, :error, "
    ":attempted, :delivered, :created, :updated)";
inline constexpr const char* kFindWebhookDelivery =
    "SELECT " CMA_WEBHOOK_DELIVERY_COLUMNS " FROM webhook_deliveries WHERE id = :id AND centre_id = :centre";
inline constexpr const char* kUpdateWebhookDelivery =
    "UPDATE webhook_deliveries SET attempts = :attempts, status = :status, last_status_code = :code, "
    "last_error = :error, last_attempt_at = :attempted, delivered_at = :delivered, updated_at = :updated "
    "WHERE id = :id AND centre_id = :centre";
inline constexpr const char* kListWebhookDeliveries =
    "SELECT " CMA_WEBHOOK_DELIVERY_COLUMNS
    " FROM webhook_deliveries WHERE centre_id = :centre AND endpoint_id = :endpoint AND (:after = '' OR id < :after)"
    " ORDER BY id DESC LIMIT :limit";

}  // namespace cma::store::webhooks::sql
