#pragma once
// Case notes: what kind of contact a note records, and who may revise one. A note is never changed
// in place without trace: every edit of its text or kind is a new numbered revision, and every
// revision stays readable.
#include <optional>
#include <string>
#include <string_view>

#include "domain/identity/role.hpp"

namespace cma::domain {

enum class NoteType { call, meeting, letter, email, internal };

std::string_view to_string(NoteType t);
std::optional<NoteType> parse_note_type(std::string_view s);
// "call, meeting, letter, email, internal", for error messages.
std::string note_type_list();

inline constexpr std::size_t kMaxNoteLength = 20000;
// A note edited this many times is settled; a further change is a new note.
inline constexpr int kMaxNoteRevisions = 500;

// The author revises their own note; a manager or an admin may correct anyone's (each revision
// records who made it).
bool may_revise_note(Role role, bool is_author);

}  // namespace cma::domain
