#pragma once
// The notes module's records: a note on a case, and each revision of its text.
#include <string>

#include "app/model.hpp"

namespace cma::app {

struct Note {
  std::string id;
  std::string centre_id;
  std::string case_id;
  std::string note_type;  // domain::NoteType's spelling
  std::string body;
  bool pinned = false;
  std::string author_id;
  int revision = 1;       // the number of the current text; 1 until first edited
  std::string edited_by;  // who wrote the current revision
  std::string created_at;
  std::string updated_at;
};

struct NoteRevision {
  std::string note_id;
  std::string centre_id;
  int revision = 1;
  std::string note_type;
  std::string body;
  std::string edited_by;
  std::string edited_at;
};

struct NoteListQuery {
  std::string note_type;  // "" for every type
  bool pinned_only = false;
};

}  // namespace cma::app
