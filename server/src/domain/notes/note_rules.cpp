#include "domain/notes/note_rules.hpp"

#include <array>

namespace cma::domain {

namespace {
constexpr std::array<std::pair<NoteType, std::string_view>, 5> kNames{{{NoteType::call, "call"},
                                                                       {NoteType::meeting, "meeting"},
                                                                       {NoteType::letter, "letter"},
                                                                       {NoteType::email, "email"},
                                                                       {NoteType::internal, "internal"}}};
}  // namespace

std::string_view to_string(NoteType t) {
  for (const auto& [type, name] : kNames)
    if (type == t) return name;
  return "internal";
}

std::optional<NoteType> parse_note_type(std::string_view s) {
  for (const auto& [type, name] : kNames)
    if (name == s) return type;
  return std::nullopt;
}

std::string note_type_list() {
  std::string out;
  for (const auto& [type, name] : kNames) out.append(out.empty() ? "" : ", ").append(name);
  return out;
}

bool may_revise_note(Role role, bool is_author) {
  return is_author || role == Role::manager || role == Role::admin;
}

}  // namespace cma::domain
