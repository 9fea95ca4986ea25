#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/cases/case_access.hpp"
#include "app/notes/note_rules.hpp"
#include "app/notes/ports.hpp"
#include "app/search/search.hpp"
#include "domain/notes/note_rules.hpp"

namespace cma::app {

Result<Note> update_note(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id,
                         const NoteInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "note.update", "note", id);
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  auto& notes = tx->get<NoteRepository>();
  std::optional<Note> before;
  if (platform::is_uuid(id)) before = notes.find_for_update(found->scope, case_id, id);
  if (!before) return Error::not_found(kNoSuchNote);
  Note after = *before;
  std::vector<FieldError> errors;
  note_rules::apply(in, false, after, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  bool revised = after.body != before->body || after.note_type != before->note_type;
  if (revised && !domain::may_revise_note(actor.principal.role(), before->author_id == actor.principal.user_id())) {
    auto denied = refuse(deps, *tx, actor,
                         Error::denied("Only the note's author, a manager or an admin may change what a note says."),
                         "note.update", "note", id);
    tx->commit();  // holds nothing but the refusal
    return denied;
  }
  if (!revised && after.pinned == before->pinned) return after;
  if (revised && before->revision >= domain::kMaxNoteRevisions)
    return Error::precondition("This note has reached its revision limit; add a new note instead.");
  auto now = platform::format_time(deps.clock.now());
  after.updated_at = now;
  if (revised) {
    after.revision = before->revision + 1;
    after.edited_by = actor.principal.user_id();
    notes.insert_revision(
        {after.id, after.centre_id, after.revision, after.note_type, after.body, after.edited_by, now});
  }
  notes.update(after);
  if (revised) index_note(*tx, found->scope, after, found->c);
  append_audit(deps, *tx, actor.meta,
               {after.centre_id, actor.principal.user_id(), revised ? "note.revise" : "note.pin", "note", id,
                note_rules::diff(*before, after)});
  tx->commit();
  return after;
}

}  // namespace cma::app
