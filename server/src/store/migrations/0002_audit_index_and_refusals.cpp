#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Version 2, the same text in both dialects.
// The audit list pages newest first within one chain (a manager's view, or an admin's with
// centreId): chain equality plus a range on id, in id order, straight from audit_log_chain_idx.
// Refused requests are counted in access_refusals, outside the chains: one row per centre, user,
// action, entity type and minute, whose id (the minute's first refusal) is the keyset cursor.
const Migration migration0002 = {2,
                                 "audit_index_and_refusals",
                                 {"CREATE INDEX audit_log_chain_idx ON audit_log (chain, id)",
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
                                  "CREATE INDEX access_refusals_centre_idx ON access_refusals (centre_id, id)"}};

}  // namespace cma::store::migrations
