#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Advisers' calendar feeds. Only the SHA-256 of each secret token is kept; a revoked feed keeps
// its row with the time it stopped working.
const Migration migration0009 = {
    9,
    "calendar_feeds",
    {R"(CREATE TABLE calendar_feeds (
        id TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        token_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT NOT NULL))",
     "CREATE UNIQUE INDEX calendar_feeds_token_idx ON calendar_feeds (token_hash)",
     "CREATE INDEX calendar_feeds_user_idx ON calendar_feeds (centre_id, user_id, revoked_at)"}};

}  // namespace cma::store::migrations
