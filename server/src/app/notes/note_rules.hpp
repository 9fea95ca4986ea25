#pragma once
// Shared by the note use cases.
#include <string>
#include <vector>

#include "app/audit/audit_log.hpp"
#include "app/notes/notes.hpp"

namespace cma::app::note_rules {

// Checks every field present in `in` and writes it into `n`; missing required fields are errors
// when `creating`.
void apply(const NoteInput& in, bool creating, Note& n, std::vector<FieldError>& errors);

// The text of a note is personal data: the audit trail records that it changed and the revision
// number, not the words (the revisions themselves keep them).
ChangeSet diff(const Note& before, const Note& after);

// The list cursor's key: "1|<created_at>" for pinned notes, "0|<created_at>" for the rest.
std::string list_key(const Note& n);

}  // namespace cma::app::note_rules
