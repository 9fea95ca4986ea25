#pragma once
// Schema migrations: every statement by name. Both dialects share them unless a name says otherwise. Parameters
// are bound by name; queries are built only from these constants, never from request text.

namespace cma::store::migrations::sql {

inline constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at TEXT NOT NULL)";
inline constexpr const char* kAppliedMigrations = "SELECT version FROM schema_migrations ORDER BY version";
inline constexpr const char* kRecordMigration =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, :name, :at)";
inline constexpr const char* kMigrationLockPostgres = "SELECT pg_advisory_lock(4242001)";
inline constexpr const char* kMigrationUnlockPostgres = "SELECT pg_advisory_unlock(4242001)";

}  // namespace cma::store::migrations::sql
