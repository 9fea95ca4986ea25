#pragma once
// Notes on a case: typed (call, meeting, letter, email, internal), with author and time. Reading
// needs cases_read, writing cases_write. A note may be added to a finished case too (a letter that
// arrives after closing is still recorded). Editing the text or the kind makes a new revision, and
// only the author, a manager or an admin may do it; pinning is not a revision. Nothing deletes a
// note.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/notes/records.hpp"
#include "app/paging.hpp"
#include "domain/result.hpp"

namespace cma::app {

struct NoteInput {  // absent fields are left as they are on update
  std::optional<std::string> note_type, body;
  std::optional<bool> pinned;
  std::vector<FieldError> shape_errors;
};

Result<Note> add_note(const Deps& deps, const Actor& actor, const std::string& case_id, const NoteInput& in);
Result<Note> get_note(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id);
Result<Note> update_note(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id,
                         const NoteInput& in);
Result<Page<Note>> list_notes(const Deps& deps, const Actor& actor, const std::string& case_id,
                              const NoteListQuery& query, const KeysetRequest& page);
Result<Page<NoteRevision>> list_note_revisions(const Deps& deps, const Actor& actor, const std::string& case_id,
                                               const std::string& id, const KeysetRequest& page);

// The list names of the cursors these lists hand out.
inline constexpr const char* kNotesList = "notes";
inline constexpr const char* kNoteRevisionsList = "note-revisions";
inline constexpr const char* kNoSuchNote = "No such note on this case.";

}  // namespace cma::app
