#include "app/compliance/compliance.hpp"
#include "http/compliance/json.hpp"
#include "http/json_fields.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

void add_compliance_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/cases/{id}/compliance", {}, [&s](Request& req, const Caller& c) {
    return reply(app::get_compliance(s.deps, c.actor, req.param("id")), req);
  });
  r.add("POST", "/api/v1/cases/{id}/compliance", {.body = BodyKind::json_required},
        [&s](Request& req, const Caller& c) {
          FieldReader f(req.json, {"item", "ticked", "evidenceNoteId"});
          app::ComplianceTickInput in;
          in.item = f.text("item");
          in.ticked = f.boolean("ticked");
          in.evidence_note_id = f.text("evidenceNoteId");
          in.shape_errors = f.take_errors();
          return reply(app::tick_compliance(s.deps, c.actor, req.param("id"), in), req);
        });
}

}  // namespace cma::http::routes
