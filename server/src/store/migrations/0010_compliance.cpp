#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// The checklist items advisers tick, one row per ticked item of a case, with the note that is its
// evidence. Derived items are never stored: they are worked out from the case's data.
const Migration migration0010 = {10,
                                 "compliance",
                                 {R"(CREATE TABLE compliance_ticks (
        centre_id TEXT NOT NULL REFERENCES centres(id),
        case_id TEXT NOT NULL REFERENCES cases(id),
        item TEXT NOT NULL,
        evidence_note_id TEXT NOT NULL REFERENCES notes(id),
        ticked_by TEXT NOT NULL REFERENCES users(id),
        ticked_at TEXT NOT NULL,
        PRIMARY KEY (case_id, item)))",
                                  "CREATE INDEX compliance_ticks_centre_idx ON compliance_ticks (centre_id, case_id)"}};

}  // namespace cma::store::migrations
