#pragma once
// The JSON shapes of a note and of one revision, as api/openapi.yaml describes them.
#include "app/notes/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::Note> {
  static void write(JsonWriter& w, const app::Note& n);
};

template <>
struct Json<app::NoteRevision> {
  static void write(JsonWriter& w, const app::NoteRevision& r);
};

}  // namespace cma::http
