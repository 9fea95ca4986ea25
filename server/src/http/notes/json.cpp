#include "http/notes/json.hpp"

namespace cma::http {

void Json<app::Note>::write(JsonWriter& w, const app::Note& n) {
  w.begin_object()
      .field("id", n.id)
      .field("caseId", n.case_id)
      .field("type", n.note_type)
      .field("body", n.body)
      .field("pinned", n.pinned)
      .field("authorId", n.author_id)
      .field("revision", static_cast<long long>(n.revision))
      .field("editedBy", n.edited_by)
      .field("createdAt", n.created_at)
      .field("updatedAt", n.updated_at)
      .end_object();
}

void Json<app::NoteRevision>::write(JsonWriter& w, const app::NoteRevision& r) {
  w.begin_object()
      .field("noteId", r.note_id)
      .field("revision", static_cast<long long>(r.revision))
      .field("type", r.note_type)
      .field("body", r.body)
      .field("editedBy", r.edited_by)
      .field("editedAt", r.edited_at)
      .end_object();
}

}  // namespace cma::http
