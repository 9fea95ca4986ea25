#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// The durable job queue (docs/jobs.md). A job is a row enqueued in the same transaction as the
// change that needs it. Workers claim due rows by (state, run_at), and rows whose lease ran out by
// (state, lease_expires_at). A unique key, when given, lets a scheduled run be enqueued once
// however many workers try. centre_id is NULL for system jobs.
const Migration migration0015 = {
    15,
    "jobs",
    {R"(CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        centre_id TEXT REFERENCES centres(id),
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'dead', 'cancelled')),
        attempts INTEGER NOT NULL,
        max_attempts INTEGER NOT NULL,
        run_at TEXT NOT NULL,
        lease_owner TEXT,
        lease_expires_at TEXT,
        last_error TEXT,
        unique_key TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL))",
     "CREATE INDEX jobs_claim_idx ON jobs (state, run_at)",
     "CREATE INDEX jobs_lease_idx ON jobs (state, lease_expires_at)",
     "CREATE UNIQUE INDEX jobs_unique_key_idx ON jobs (unique_key) WHERE unique_key IS NOT NULL",
     "CREATE INDEX jobs_kind_idx ON jobs (kind, id)"}};

}  // namespace cma::store::migrations
