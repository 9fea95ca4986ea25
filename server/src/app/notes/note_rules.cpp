#include "app/notes/note_rules.hpp"

#include "domain/identity/validation.hpp"
#include "domain/notes/note_rules.hpp"

namespace cma::app::note_rules {

void apply(const NoteInput& in, bool creating, Note& n, std::vector<FieldError>& errors) {
  errors.insert(errors.end(), in.shape_errors.begin(), in.shape_errors.end());
  if (in.note_type) {
    if (domain::parse_note_type(*in.note_type))
      n.note_type = *in.note_type;
    else
      errors.push_back({"type", "must be one of " + domain::note_type_list()});
  } else if (creating) {
    errors.push_back({"type", "is required"});
  }
  if (in.body) {
    if (auto e = domain::check_multiline_text(*in.body, domain::kMaxNoteLength))
      errors.push_back({"body", *e});
    else
      n.body = domain::trim(*in.body);
  } else if (creating) {
    errors.push_back({"body", "is required"});
  }
  if (in.pinned) n.pinned = *in.pinned;
}

ChangeSet diff(const Note& b, const Note& a) {
  ChangeSet cs = b.id.empty() ? ChangeSet::for_creation() : ChangeSet();
  cs.set("caseId", b.case_id, a.case_id)
      .set("type", b.note_type, a.note_type)
      .set("pinned", b.pinned ? "true" : "false", a.pinned ? "true" : "false")
      .set("revision", b.id.empty() ? "" : std::to_string(b.revision), std::to_string(a.revision));
  if (b.body != a.body) cs.redacted("body");
  return cs;
}

std::string list_key(const Note& n) {
  return std::string(n.pinned ? "1|" : "0|").append(n.created_at);
}

}  // namespace cma::app::note_rules
