#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Sign-in throttling moves from one row per failure to a locked counter per key (account at an
// address, account, address), so concurrent attempts are counted before any password is checked.
// Refresh-token families get an absolute end.
const Migration migration0003 = {3,
                                 "throttle_counters_and_session_lifetime",
                                 {"DROP TABLE login_failures",
                                  R"(CREATE TABLE login_throttle (
                key TEXT PRIMARY KEY,
                failures INTEGER NOT NULL,
                window_start TEXT NOT NULL,
                next_allowed_at TEXT NOT NULL,
                updated_at TEXT NOT NULL))",
                                  "CREATE INDEX login_throttle_updated_idx ON login_throttle (updated_at)",
                                  "ALTER TABLE refresh_tokens ADD COLUMN family_expires_at TEXT NOT NULL DEFAULT ''",
                                  "UPDATE refresh_tokens SET family_expires_at = expires_at"}};

}  // namespace cma::store::migrations
