#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Notifications for one user each (appointment reminders first). The dedupe key makes a reminder
// once per appointment, start and adviser however often its job runs; emailed_at records the
// e-mail the SMTP server accepted, so a rerun does not send it again.
const Migration migration0020 = {
    20,
    "notifications",
    {R"(CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        appointment_id TEXT NOT NULL,
        dedupe_key TEXT NOT NULL,
        emailed_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        read_at TEXT NOT NULL))",
     "CREATE UNIQUE INDEX notifications_key_idx ON notifications (centre_id, dedupe_key)",
     "CREATE INDEX notifications_user_idx ON notifications (centre_id, user_id, id)",
     "CREATE INDEX notifications_unread_idx ON notifications (centre_id, user_id, read_at, id)"}};

}  // namespace cma::store::migrations
