#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Tasks of a case or of a centre. case_id is '' for a centre's own task; dates are London dates
// (YYYY-MM-DD). The indexes serve the lists: someone's open tasks by due date, a centre's by status,
// and a case's.
const Migration migration0007 = {
    7,
    "tasks",
    {R"(CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        case_id TEXT NOT NULL,
        title TEXT NOT NULL,
        details TEXT NOT NULL,
        assignee_id TEXT NOT NULL REFERENCES users(id),
        due_date TEXT NOT NULL,
        priority TEXT NOT NULL,
        status TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        completed_by TEXT NOT NULL,
        completed_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL))",
     "CREATE INDEX tasks_assignee_idx ON tasks (centre_id, assignee_id, status, due_date, id)",
     "CREATE INDEX tasks_status_idx ON tasks (centre_id, status, due_date, id)",
     "CREATE INDEX tasks_case_idx ON tasks (centre_id, case_id, due_date, id)"}};

}  // namespace cma::store::migrations
