#pragma once
// The audit chains and refusal counts: every statement by name. Both dialects share them unless a name says otherwise.
// Parameters are bound by name; queries are built only from these constants, never from request text.

namespace cma::store::audit::sql {

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

}  // namespace cma::store::audit::sql
