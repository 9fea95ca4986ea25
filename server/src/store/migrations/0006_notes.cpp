#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Case notes and every revision of their text. A note's current text is on its row; each revision,
// the first included, is a row of note_revisions numbered from 1, and (note_id, revision) is the
// key, so two edits can never both become the same revision.
const Migration migration0006 = {6,
                                 "notes",
                                 {R"(CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        case_id TEXT NOT NULL REFERENCES cases(id),
        note_type TEXT NOT NULL,
        body TEXT NOT NULL,
        pinned INTEGER NOT NULL,
        author_id TEXT NOT NULL REFERENCES users(id),
        revision INTEGER NOT NULL,
        edited_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL))",
                                  "CREATE INDEX notes_case_idx ON notes (centre_id, case_id, pinned, created_at, id)",
                                  R"(CREATE TABLE note_revisions (
        note_id TEXT NOT NULL REFERENCES notes(id),
        centre_id TEXT NOT NULL REFERENCES centres(id),
        revision INTEGER NOT NULL,
        note_type TEXT NOT NULL,
        body TEXT NOT NULL,
        edited_by TEXT NOT NULL REFERENCES users(id),
        edited_at TEXT NOT NULL,
        PRIMARY KEY (note_id, revision)))"}};

}  // namespace cma::store::migrations
