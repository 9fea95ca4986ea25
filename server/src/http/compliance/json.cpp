#include "http/compliance/json.hpp"

namespace cma::http {

void Json<app::CaseCompliance>::write(JsonWriter& w, const app::CaseCompliance& c) {
  w.begin_object().field("caseId", c.case_id).field("status", c.status).key("items").begin_array();
  for (const auto& i : c.items) {
    w.begin_object()
        .field("item", i.item)
        .field("label", i.label)
        .field("derived", i.derived)
        .field("satisfied", i.satisfied)
        .nullable("detail", i.detail);
    if (i.tick) {
      w.key("tick")
          .begin_object()
          .field("evidenceNoteId", i.tick->evidence_note_id)
          .field("tickedBy", i.tick->ticked_by)
          .field("tickedAt", i.tick->ticked_at)
          .end_object();
    } else {
      w.nullable("tick", std::string());
    }
    w.end_object();
  }
  w.end_array().key("missing").begin_array();
  for (const auto& m : c.missing) w.value(m);
  w.end_array().end_object();
}

}  // namespace cma::http
