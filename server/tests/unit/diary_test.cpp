// Casework II's domain rules: notes, tasks, appointments and the Europe/London clock.
#include <gtest/gtest.h>

#include "domain/notes/note_rules.hpp"

namespace cma::domain {

TEST(NoteRules, TypesRoundTripAndUnknownOnesAreRefused) {
  for (auto t : {NoteType::call, NoteType::meeting, NoteType::letter, NoteType::email, NoteType::internal})
    EXPECT_EQ(parse_note_type(to_string(t)), t);
  EXPECT_FALSE(parse_note_type("fax"));
  EXPECT_FALSE(parse_note_type("Call"));
  EXPECT_FALSE(parse_note_type(""));
  EXPECT_EQ(note_type_list(), "call, meeting, letter, email, internal");
}

TEST(NoteRules, AuthorsReviseTheirOwnAndManagersAnyone) {
  EXPECT_TRUE(may_revise_note(Role::trainee, true));
  EXPECT_TRUE(may_revise_note(Role::advisor, true));
  EXPECT_FALSE(may_revise_note(Role::advisor, false));
  EXPECT_FALSE(may_revise_note(Role::trainee, false));
  EXPECT_TRUE(may_revise_note(Role::manager, false));
  EXPECT_TRUE(may_revise_note(Role::admin, false));
}

}  // namespace cma::domain
