#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Retention (docs/retention.md): when a client's personal fields were replaced by placeholders,
// and when a document's bytes were deleted from the object store (its rows stay, marked).
const Migration migration0021 = {21,
                                 "retention",
                                 {"ALTER TABLE clients ADD COLUMN anonymised_at TEXT NOT NULL DEFAULT ''",
                                  "ALTER TABLE documents ADD COLUMN purged_at TEXT NOT NULL DEFAULT ''",
                                  "ALTER TABLE document_versions ADD COLUMN purged_at TEXT NOT NULL DEFAULT ''",
                                  "CREATE INDEX cases_retention_idx ON cases (centre_id, closed_at, id)"}};

}  // namespace cma::store::migrations
