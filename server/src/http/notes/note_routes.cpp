#include "app/notes/notes.hpp"
#include "http/json_fields.hpp"
#include "http/notes/json.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

namespace {
app::NoteInput read_note(const Request& req) {
  FieldReader f(req.json, {"type", "body", "pinned"});
  app::NoteInput in;
  in.note_type = f.text("type");
  in.body = f.text("body");
  in.pinned = f.boolean("pinned");
  in.shape_errors = f.take_errors();
  return in;
}
}  // namespace

void add_note_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/cases/{id}/notes", {}, [&s](Request& req, const Caller& c) {
    auto page = keyset_request(req, app::kNotesList);
    if (!page) return problem(page.error(), req);
    app::NoteListQuery query;
    query.note_type = req.query_value("type").value_or("");
    auto pinned = req.query_value("pinned").value_or("");
    if (pinned != "" && pinned != "true" && pinned != "false")
      return problem(Error::invalid_field("pinned", "must be true or false"), req);
    query.pinned_only = pinned == "true";
    auto result = app::list_notes(s.deps, c.actor, req.param("id"), query, *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  r.add("POST", "/api/v1/cases/{id}/notes", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::add_note(s.deps, c.actor, req.param("id"), read_note(req)), req, 201);
  });
  r.add("GET", "/api/v1/cases/{id}/notes/{noteId}", {}, [&s](Request& req, const Caller& c) {
    return reply(app::get_note(s.deps, c.actor, req.param("id"), req.param("noteId")), req);
  });
  r.add("PATCH", "/api/v1/cases/{id}/notes/{noteId}", {.body = BodyKind::json_required},
        [&s](Request& req, const Caller& c) {
          return reply(app::update_note(s.deps, c.actor, req.param("id"), req.param("noteId"), read_note(req)), req);
        });
  r.add("GET", "/api/v1/cases/{id}/notes/{noteId}/revisions", {}, [&s](Request& req, const Caller& c) {
    auto page = keyset_request(req, app::kNoteRevisionsList);
    if (!page) return problem(page.error(), req);
    auto result = app::list_note_revisions(s.deps, c.actor, req.param("id"), req.param("noteId"), *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
}

}  // namespace cma::http::routes
