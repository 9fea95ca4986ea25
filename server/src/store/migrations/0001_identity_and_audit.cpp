#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Version 1 happens to be the same text in both dialects (BIGINT is an integer type to SQLite too).
const Migration migration0001 = {1,
                                 "identity_and_audit",
                                 {
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
                hash TEXT NOT NULL))"}};

}  // namespace cma::store::migrations
