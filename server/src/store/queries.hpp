#pragma once
// Every SQL statement the store runs, by name. Both dialects share them unless a name says otherwise.
// Queries are built only from these constants, never from request text.

namespace cma::store::sql {

#define CMA_CENTRE_COLUMNS \
  "id, name, code, address, contact_email, contact_phone, status, settings, created_at, updated_at"
inline constexpr const char* kFindCentre = "SELECT " CMA_CENTRE_COLUMNS " FROM centres WHERE id = :id";
inline constexpr const char* kFindCentreInScope =
    "SELECT " CMA_CENTRE_COLUMNS " FROM centres WHERE id = :id AND id = :scope";
inline constexpr const char* kCentreCodeTaken = "SELECT COUNT(*) FROM centres WHERE code = :code AND id <> :id";
inline constexpr const char* kInsertCentre =
    "INSERT INTO centres (id, name, code, address, contact_email, contact_phone, status, settings, created_at, "
    "updated_at) VALUES (:id, :name, :code, :address, :email, :phone, :status, :settings, :created, :updated)";
inline constexpr const char* kUpdateCentre =
    "UPDATE centres SET name = :name, code = :code, address = :address, contact_email = :email, "
    "contact_phone = :phone, status = :status, settings = :settings, updated_at = :updated WHERE id = :id";
inline constexpr const char* kListCentres =
    "SELECT " CMA_CENTRE_COLUMNS " FROM centres WHERE id > :after ORDER BY id LIMIT :limit";
inline constexpr const char* kListCentresInScope =
    "SELECT " CMA_CENTRE_COLUMNS " FROM centres WHERE id > :after AND id = :scope ORDER BY id LIMIT :limit";

#define CMA_USER_COLUMNS \
  "id, centre_id, email, first_name, last_name, role, status, password_hash, last_login_at, created_at, updated_at"
inline constexpr const char* kFindUser = "SELECT " CMA_USER_COLUMNS " FROM users WHERE id = :id";
inline constexpr const char* kFindUserInCentre =
    "SELECT " CMA_USER_COLUMNS " FROM users WHERE id = :id AND centre_id = :centre";
// The signed-in user, only while both the account and its centre are active.
inline constexpr const char* kFindActiveUser =
    "SELECT u.id, u.centre_id, u.email, u.first_name, u.last_name, u.role, u.status, u.password_hash, "
    "u.last_login_at, u.created_at, u.updated_at FROM users u JOIN centres c ON c.id = u.centre_id "
    "WHERE u.id = :id AND u.status = 'active' AND c.status = 'active'";
inline constexpr const char* kFindUserByEmail = "SELECT " CMA_USER_COLUMNS " FROM users WHERE email = :email";
inline constexpr const char* kInsertUser =
    "INSERT INTO users (id, centre_id, email, first_name, last_name, role, status, password_hash, last_login_at, "
    "created_at, updated_at) VALUES (:id, :centre, :email, :first, :last, :role, :status, :hash, :login, :created, "
    ":updated)";
inline constexpr const char* kUpdateUser =
    "UPDATE users SET email = :email, first_name = :first, last_name = :last, role = :role, status = :status, "
    "password_hash = :hash, updated_at = :updated WHERE id = :id AND centre_id = :centre";
inline constexpr const char* kRecordLogin = "UPDATE users SET last_login_at = :at WHERE id = :id";
inline constexpr const char* kListUsers =
    "SELECT " CMA_USER_COLUMNS " FROM users WHERE id > :after ORDER BY id LIMIT :limit";
inline constexpr const char* kListUsersInCentre =
    "SELECT " CMA_USER_COLUMNS " FROM users WHERE centre_id = :centre AND id > :after ORDER BY id LIMIT :limit";
inline constexpr const char* kCountUsers = "SELECT COUNT(*) FROM users";

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

#define CMA_AUDIT_COLUMNS                                                                                    \
  "id, chain, seq, at, actor_user_id, action, entity_type, entity_id, changes, request_id, ip, user_agent, " \
  "prev_hash, hash"
inline constexpr const char* kEnsureAuditHead =
    "INSERT INTO audit_heads (chain, seq, hash) VALUES (:chain, 0, '') ON CONFLICT (chain) DO NOTHING";
inline constexpr const char* kLockAuditHeadPostgres =
    "SELECT seq, hash FROM audit_heads WHERE chain = :chain FOR UPDATE";
inline constexpr const char* kLockAuditHeadSqlite = "SELECT seq, hash FROM audit_heads WHERE chain = :chain";
inline constexpr const char* kSetAuditHead = "UPDATE audit_heads SET seq = :seq, hash = :hash WHERE chain = :chain";
inline constexpr const char* kInsertAudit =
    "INSERT INTO audit_log (id, chain, seq, at, actor_user_id, action, entity_type, entity_id, changes, request_id, "
    "ip, user_agent, prev_hash, hash) VALUES (:id, :chain, :seq, :at, :actor, :action, :etype, :eid, :changes, :rid, "
    ":ip, :ua, :prev, :hash)";
// Newest first, by keyset: the first page has no cursor; a next page starts below the last id
// seen. Separate statements rather than `(:before = '' OR id < :before)`, so that the planner sees
// a plain range on the key and walks an index backwards from the cursor (the primary key for all
// chains, audit_log_chain_idx for one) without sorting: a page costs the same whatever its depth.
// The other filters are '' when unused and are checked on the rows the walk meets.
#define CMA_AUDIT_FILTERS                                                                            \
  "(:etype = '' OR entity_type = :etype2) AND (:eid = '' OR entity_id = :eid2) AND (:actor = '' OR " \
  "actor_user_id = :actor2) AND (:from = '' OR at >= :from2) AND (:to = '' OR at < :to2)"
inline constexpr const char* kListAudit =
    "SELECT " CMA_AUDIT_COLUMNS " FROM audit_log WHERE " CMA_AUDIT_FILTERS " ORDER BY id DESC LIMIT :limit";
inline constexpr const char* kListAuditBefore =
    "SELECT " CMA_AUDIT_COLUMNS " FROM audit_log WHERE id < :before AND " CMA_AUDIT_FILTERS
    " ORDER BY id DESC LIMIT :limit";
// The scope is never optional for a centre-bound caller.
inline constexpr const char* kListAuditInChain =
    "SELECT " CMA_AUDIT_COLUMNS " FROM audit_log WHERE chain = :chain AND " CMA_AUDIT_FILTERS
    " ORDER BY id DESC LIMIT :limit";
inline constexpr const char* kListAuditInChainBefore =
    "SELECT " CMA_AUDIT_COLUMNS " FROM audit_log WHERE chain = :chain AND id < :before AND " CMA_AUDIT_FILTERS
    " ORDER BY id DESC LIMIT :limit";
// Chains named by entries or by heads: a deleted head row must not hide its chain from verification.
inline constexpr const char* kAuditChains =
    "SELECT chain FROM audit_heads UNION SELECT chain FROM audit_log ORDER BY 1";
inline constexpr const char* kAuditHead = "SELECT seq, hash FROM audit_heads WHERE chain = :chain";
inline constexpr const char* kReadAuditChain =
    "SELECT " CMA_AUDIT_COLUMNS " FROM audit_log WHERE chain = :chain AND seq > :after ORDER BY seq LIMIT :limit";

// One row per (centre, user, action, entity type, minute), counted up; outside the hash chains.
#define CMA_REFUSAL_COLUMNS                                                                         \
  "id, centre_id, user_id, action, entity_type, minute, count, first_at, last_at, last_entity_id, " \
  "last_request_id, last_ip, last_user_agent"
inline constexpr const char* kRecordRefusal =
    "INSERT INTO access_refusals (" CMA_REFUSAL_COLUMNS
    ") VALUES (:id, :centre, :user, :action, :etype, :minute, 1, :first, :last, :eid, :rid, :ip, :ua) "
    "ON CONFLICT (centre_id, user_id, action, entity_type, minute) DO UPDATE SET count = access_refusals.count + 1, "
    "last_at = excluded.last_at, last_entity_id = excluded.last_entity_id, last_request_id = "
    "excluded.last_request_id, last_ip = excluded.last_ip, last_user_agent = excluded.last_user_agent";
// Keyset pages, newest first, as for the audit list: access_refusals_centre_idx within a centre,
// the primary key across centres.
inline constexpr const char* kListRefusals = "SELECT " CMA_REFUSAL_COLUMNS
                                             " FROM access_refusals WHERE (:user = '' OR user_id = :user2) "
                                             "ORDER BY id DESC LIMIT :limit";
inline constexpr const char* kListRefusalsBefore =
    "SELECT " CMA_REFUSAL_COLUMNS
    " FROM access_refusals WHERE id < :before AND (:user = '' OR user_id = :user2) ORDER BY id DESC LIMIT :limit";
inline constexpr const char* kListRefusalsInCentre =
    "SELECT " CMA_REFUSAL_COLUMNS
    " FROM access_refusals WHERE centre_id = :centre AND (:user = '' OR user_id = :user2) ORDER BY id DESC "
    "LIMIT :limit";
inline constexpr const char* kListRefusalsInCentreBefore =
    "SELECT " CMA_REFUSAL_COLUMNS
    " FROM access_refusals WHERE centre_id = :centre AND id < :before AND (:user = '' OR user_id = :user2) "
    "ORDER BY id DESC LIMIT :limit";

inline constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at TEXT NOT NULL)";
inline constexpr const char* kAppliedMigrations = "SELECT version FROM schema_migrations ORDER BY version";
inline constexpr const char* kRecordMigration =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, :name, :at)";
inline constexpr const char* kMigrationLockPostgres = "SELECT pg_advisory_lock(4242001)";
inline constexpr const char* kMigrationUnlockPostgres = "SELECT pg_advisory_unlock(4242001)";

}  // namespace cma::store::sql
