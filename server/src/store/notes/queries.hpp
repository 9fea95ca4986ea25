#pragma once
// Notes and their revisions: every statement names the centre, and the case or the note.

namespace cma::store::notes::sql {

#define CMA_NOTE_COLUMNS \
  "id, centre_id, case_id, note_type, body, pinned, author_id, revision, edited_by, created_at, updated_at"

inline constexpr const char* kFindNote =
    "SELECT " CMA_NOTE_COLUMNS " FROM notes WHERE id = :id AND case_id = :case_id AND centre_id = :centre";
// PostgreSQL: the row stays locked until the transaction ends, so revisions are numbered in turn.
inline constexpr const char* kFindNoteForUpdatePostgresql =
    "SELECT " CMA_NOTE_COLUMNS " FROM notes WHERE id = :id AND case_id = :case_id AND centre_id = :centre FOR UPDATE";
inline constexpr const char* kInsertNote =
    "INSERT INTO notes (" CMA_NOTE_COLUMNS
    ") VALUES (:id, :centre, :case_id, :type, :body, :pinned, :author, :revision, :edited_by, :created, :updated)";
inline constexpr const char* kUpdateNote =
    "UPDATE notes SET note_type = :type, body = :body, pinned = :pinned, revision = :revision, "
    "edited_by = :edited_by, updated_at = :updated WHERE id = :id AND case_id = :case_id AND centre_id = :centre";
inline constexpr const char* kInsertNoteRevision =
    "INSERT INTO note_revisions (note_id, centre_id, revision, note_type, body, edited_by, edited_at) "
    "VALUES (:note_id, :centre, :revision, :type, :body, :edited_by, :edited_at)";
// Pinned first, then newest first; the cursor is the last row's (pinned, created_at, id). Without
// a cursor the position is (2, '', ''), before every row.
inline constexpr const char* kListNotes =
    "SELECT " CMA_NOTE_COLUMNS
    " FROM notes WHERE centre_id = :centre AND case_id = :case_id"
    " AND (:type = '' OR note_type = :type) AND pinned >= :min_pinned"
    " AND (pinned < :after_pinned OR (pinned = :after_pinned AND (created_at < :after_created"
    " OR (created_at = :after_created AND id < :after_id))))"
    " ORDER BY pinned DESC, created_at DESC, id DESC LIMIT :limit";
inline constexpr const char* kListNoteRevisions =
    "SELECT note_id, centre_id, revision, note_type, body, edited_by, edited_at FROM note_revisions"
    " WHERE centre_id = :centre AND note_id = :note_id AND revision > :after ORDER BY revision LIMIT :limit";

}  // namespace cma::store::notes::sql
