#include <charconv>

#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/cases/case_access.hpp"
#include "app/notes/note_rules.hpp"
#include "app/notes/ports.hpp"
#include "domain/notes/note_rules.hpp"

namespace cma::app {

Result<Note> get_note(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "note.read", "note", id);
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  std::optional<Note> n;
  if (platform::is_uuid(id)) n = tx->get<NoteRepository>().find(found->scope, case_id, id);
  if (!n) return Error::not_found(kNoSuchNote);
  return std::move(*n);
}

Result<Page<Note>> list_notes(const Deps& deps, const Actor& actor, const std::string& case_id,
                              const NoteListQuery& query, const KeysetRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "note.list", "note");
  if (!query.note_type.empty() && !domain::parse_note_type(query.note_type))
    return Error::invalid_field("type", "must be one of " + domain::note_type_list());
  if (page.has_cursor &&
      (page.after_key.size() < 3 || (page.after_key[0] != '0' && page.after_key[0] != '1') || page.after_key[1] != '|'))
    return Error::invalid_field("cursor", "is not a cursor this list returned");
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  KeysetRequest fetch = page;
  fetch.limit = page.limit + 1;
  auto rows = tx->get<NoteRepository>().list(found->scope, case_id, query, fetch);
  return make_keyset_page(std::move(rows), kNotesList, page.limit, note_rules::list_key,
                          [](const Note& n) { return n.id; });
}

Result<Page<NoteRevision>> list_note_revisions(const Deps& deps, const Actor& actor, const std::string& case_id,
                                               const std::string& id, const KeysetRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "note.read", "note", id);
  int after = 0;
  if (page.has_cursor) {
    const auto& k = page.after_key;
    auto [ptr, ec] = std::from_chars(k.data(), k.data() + k.size(), after);
    if (ec != std::errc() || ptr != k.data() + k.size() || after < 1 || page.after_id != id)
      return Error::invalid_field("cursor", "is not a cursor this list returned");
  }
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  auto& notes = tx->get<NoteRepository>();
  std::optional<Note> n;
  if (platform::is_uuid(id)) n = notes.find(found->scope, case_id, id);
  if (!n) return Error::not_found(kNoSuchNote);
  auto rows = notes.revisions(found->scope, id, after, page.limit + 1);
  return make_keyset_page(
      std::move(rows), kNoteRevisionsList, page.limit, [](const NoteRevision& r) { return std::to_string(r.revision); },
      [](const NoteRevision& r) { return r.note_id; });
}

}  // namespace cma::app
