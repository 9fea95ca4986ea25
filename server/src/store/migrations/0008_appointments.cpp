#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Appointments with clients. Times are UTC in the fixed-width text form, so they compare as text;
// end_at is start_at plus the duration, kept so a clash is one indexed range test. case_id is ''
// when the appointment is not for a particular case.
const Migration migration0008 = {
    8,
    "appointments",
    {R"(CREATE TABLE appointments (
        id TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        client_id TEXT NOT NULL REFERENCES clients(id),
        case_id TEXT NOT NULL,
        adviser_id TEXT NOT NULL REFERENCES users(id),
        start_at TEXT NOT NULL,
        end_at TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL,
        mode TEXT NOT NULL,
        location TEXT NOT NULL,
        preparation TEXT NOT NULL,
        status TEXT NOT NULL,
        outcome TEXT NOT NULL,
        follow_up_date TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL))",
     "CREATE INDEX appointments_adviser_idx ON appointments (centre_id, adviser_id, start_at, id)",
     "CREATE INDEX appointments_centre_idx ON appointments (centre_id, start_at, id)",
     "CREATE INDEX appointments_client_idx ON appointments (centre_id, client_id, start_at, id)"}};

}  // namespace cma::store::migrations
