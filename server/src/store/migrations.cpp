#include "store/migrations.hpp"

namespace cma::store {

// Ids are UUID text and times fixed-width RFC 3339 UTC text in both dialects (docs/adr/0002):
// the same SQL runs on both, and audit entries hash to the same bytes wherever they are read.

namespace {

// Version 1 happens to be the same text in both dialects (BIGINT is an integer type to SQLite too).
const std::vector<const char*> kIdentityAndAudit = {
    R"(CREATE TABLE centres (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                code TEXT NOT NULL UNIQUE,
                address TEXT NOT NULL DEFAULT '',
                contact_email TEXT NOT NULL DEFAULT '',
                contact_phone TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
                settings TEXT NOT NULL DEFAULT '{}',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL))",
    R"(CREATE TABLE users (
                id TEXT PRIMARY KEY,
                centre_id TEXT NOT NULL REFERENCES centres (id),
                email TEXT NOT NULL UNIQUE,
                first_name TEXT NOT NULL,
                last_name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'advisor', 'trainee')),
                status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
                password_hash TEXT NOT NULL,
                last_login_at TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL))",
    "CREATE INDEX users_centre_idx ON users (centre_id, id)",
    R"(CREATE TABLE refresh_tokens (
                id TEXT PRIMARY KEY,
                family_id TEXT NOT NULL,
                user_id TEXT NOT NULL REFERENCES users (id),
                token_hash TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                used_at TEXT NOT NULL DEFAULT '',
                revoked_at TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)",
    "CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)",
    R"(CREATE TABLE login_failures (
                key TEXT NOT NULL,
                at TEXT NOT NULL))",
    "CREATE INDEX login_failures_key_idx ON login_failures (key, at)",
    "CREATE INDEX login_failures_at_idx ON login_failures (at)",
    R"(CREATE TABLE audit_log (
                id TEXT PRIMARY KEY,
                chain TEXT NOT NULL,
                seq BIGINT NOT NULL,
                at TEXT NOT NULL,
                actor_user_id TEXT NOT NULL DEFAULT '',
                action TEXT NOT NULL,
                entity_type TEXT NOT NULL DEFAULT '',
                entity_id TEXT NOT NULL DEFAULT '',
                changes TEXT NOT NULL DEFAULT '{}',
                request_id TEXT NOT NULL DEFAULT '',
                ip TEXT NOT NULL DEFAULT '',
                user_agent TEXT NOT NULL DEFAULT '',
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL,
                UNIQUE (chain, seq)))",
    "CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)",
    "CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id)",
    R"(CREATE TABLE audit_heads (
                chain TEXT PRIMARY KEY,
                seq BIGINT NOT NULL,
                hash TEXT NOT NULL))"};

// Version 2, the same text in both dialects.
// The audit list pages newest first within one chain (a manager's view, or an admin's with
// centreId): chain equality plus a range on id, in id order, straight from audit_log_chain_idx.
// Refused requests are counted in access_refusals, outside the chains: one row per centre, user,
// action, entity type and minute, whose id (the minute's first refusal) is the keyset cursor.
const std::vector<const char*> kAuditIndexAndRefusals = {
    "CREATE INDEX audit_log_chain_idx ON audit_log (chain, id)",
    R"(CREATE TABLE access_refusals (
                id TEXT PRIMARY KEY,
                centre_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                action TEXT NOT NULL,
                entity_type TEXT NOT NULL DEFAULT '',
                minute TEXT NOT NULL,
                count BIGINT NOT NULL,
                first_at TEXT NOT NULL,
                last_at TEXT NOT NULL,
                last_entity_id TEXT NOT NULL DEFAULT '',
                last_request_id TEXT NOT NULL DEFAULT '',
                last_ip TEXT NOT NULL DEFAULT '',
                last_user_agent TEXT NOT NULL DEFAULT '',
                UNIQUE (centre_id, user_id, action, entity_type, minute)))",
    "CREATE INDEX access_refusals_centre_idx ON access_refusals (centre_id, id)"};

// Sign-in throttling moves from one row per failure to a locked counter per key (account at an
// address, account, address), so concurrent attempts are counted before any password is checked.
// Refresh-token families get an absolute end.
const std::vector<const char*> kThrottleCountersAndSessionLifetime = {
    "DROP TABLE login_failures",
    R"(CREATE TABLE login_throttle (
                key TEXT PRIMARY KEY,
                failures INTEGER NOT NULL,
                window_start TEXT NOT NULL,
                next_allowed_at TEXT NOT NULL,
                updated_at TEXT NOT NULL))",
    "CREATE INDEX login_throttle_updated_idx ON login_throttle (updated_at)",
    "ALTER TABLE refresh_tokens ADD COLUMN family_expires_at TEXT NOT NULL DEFAULT ''",
    "UPDATE refresh_tokens SET family_expires_at = expires_at"};

}  // namespace

const std::vector<Migration>& sqlite_migrations() {
  static const std::vector<Migration> list = {
      {1, "identity_and_audit", kIdentityAndAudit},
      {2, "audit_index_and_refusals", kAuditIndexAndRefusals},
      {3, "throttle_counters_and_session_lifetime", kThrottleCountersAndSessionLifetime},
  };
  return list;
}

const std::vector<Migration>& postgresql_migrations() {
  static const std::vector<Migration> list = {
      {1, "identity_and_audit", kIdentityAndAudit},
      {2, "audit_index_and_refusals", kAuditIndexAndRefusals},
      {3, "throttle_counters_and_session_lifetime", kThrottleCountersAndSessionLifetime},
  };
  return list;
}

}  // namespace cma::store
