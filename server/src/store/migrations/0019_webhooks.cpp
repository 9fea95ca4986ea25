#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Webhooks (docs/webhooks.md): a centre's endpoints, and one delivery row per event and endpoint
// whose attempts the worker records. The secret is kept to sign deliveries; the API shows it only
// when it is made. events is a comma-separated list of event names. Lists are newest first by id
// (ids are time-ordered), within one centre.
const Migration migration0019 = {
    19,
    "webhooks",
    {R"(CREATE TABLE webhook_endpoints (
        id TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        url TEXT NOT NULL,
        events TEXT NOT NULL,
        secret TEXT NOT NULL,
        description TEXT NOT NULL,
        active INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL))",
     "CREATE INDEX webhook_endpoints_centre_idx ON webhook_endpoints (centre_id, id)",
     R"(CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
        event_id TEXT NOT NULL,
        event_type TEXT NOT NULL,
        payload TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        last_status_code INTEGER NOT NULL,
        last_error TEXT NOT NULL,
        last_attempt_at TEXT NOT NULL,
        delivered_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL))",
     "CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (centre_id, endpoint_id, id)"}};

}  // namespace cma::store::migrations
