#include "app/authorization.hpp"
#include "app/cases/case_access.hpp"
#include "app/notes/note_rules.hpp"
#include "app/notes/ports.hpp"
#include "app/search/search.hpp"

namespace cma::app {

Result<Note> add_note(const Deps& deps, const Actor& actor, const std::string& case_id, const NoteInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "note.create", "note");
  Note n;
  std::vector<FieldError> errors;
  note_rules::apply(in, true, n, errors);
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  if (!errors.empty()) return Error::invalid(std::move(errors));
  n.id = deps.ids.next();
  n.centre_id = found->c.centre_id;
  n.case_id = case_id;
  n.author_id = n.edited_by = actor.principal.user_id();
  n.revision = 1;
  n.created_at = n.updated_at = platform::format_time(deps.clock.now());
  auto& notes = tx->get<NoteRepository>();
  notes.insert(n);
  notes.insert_revision({n.id, n.centre_id, 1, n.note_type, n.body, n.edited_by, n.created_at});
  index_note(*tx, found->scope, n, found->c);
  append_audit(deps, *tx, actor.meta,
               {n.centre_id, actor.principal.user_id(), "note.create", "note", n.id, note_rules::diff(Note{}, n)});
  tx->commit();
  return n;
}

}  // namespace cma::app
