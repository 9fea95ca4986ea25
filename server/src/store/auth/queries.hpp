#pragma once
// Refresh tokens and sign-in throttle counters: every statement by name. Both dialects share them unless a name says
// otherwise. Parameters are bound by name; queries are built only from these constants, never from request text.

namespace cma::store::auth::sql {

inline constexpr const char* kInsertRefreshToken =
    "INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, family_expires_at, "
    "used_at, revoked_at) VALUES (:id, :family, :user, :hash, :created, :expires, :family_expires, '', '')";
inline constexpr const char* kFindRefreshToken =
    "SELECT id, family_id, user_id, token_hash, created_at, expires_at, family_expires_at, used_at, revoked_at "
    "FROM refresh_tokens WHERE token_hash = :hash";
inline constexpr const char* kMarkRefreshTokenUsed =
    "UPDATE refresh_tokens SET used_at = :at WHERE id = :id AND used_at = ''";
inline constexpr const char* kRevokeFamily =
    "UPDATE refresh_tokens SET revoked_at = :at WHERE family_id = :family AND revoked_at = ''";
inline constexpr const char* kRevokeUserTokens =
    "UPDATE refresh_tokens SET revoked_at = :at WHERE user_id = :user AND revoked_at = ''";

inline constexpr const char* kEnsureLoginThrottle =
    "INSERT INTO login_throttle (key, failures, window_start, next_allowed_at, updated_at) "
    "VALUES (:key, 0, '', '', '') ON CONFLICT (key) DO NOTHING";
inline constexpr const char* kLockLoginThrottlePostgres =
    "SELECT failures, window_start, next_allowed_at FROM login_throttle WHERE key = :key FOR UPDATE";
// SQLite: the write transaction (BEGIN IMMEDIATE) already holds the database's write lock.
inline constexpr const char* kLockLoginThrottleSqlite =
    "SELECT failures, window_start, next_allowed_at FROM login_throttle WHERE key = :key";
inline constexpr const char* kSaveLoginThrottle =
    "UPDATE login_throttle SET failures = :failures, window_start = :window_start, next_allowed_at = :next, "
    "updated_at = :now WHERE key = :key";
inline constexpr const char* kPruneLoginThrottle = "DELETE FROM login_throttle WHERE updated_at < :before";

}  // namespace cma::store::auth::sql
