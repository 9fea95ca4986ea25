#include "http/search/json.hpp"

namespace cma::http {

void Json<SearchResults>::write(JsonWriter& w, const SearchResults& r) {
  w.begin_object().key("items").begin_array();
  for (const auto& i : r.items) {
    w.begin_object()
        .field("kind", i.kind)
        .field("id", i.id)
        .nullable("caseId", i.case_id)
        .field("field", i.field)
        .field("label", i.label)
        .key("snippet")
        .begin_array();
    for (const auto& p : i.snippet) w.begin_object().field("text", p.text).field("match", p.match).end_object();
    w.end_array().end_object();
  }
  w.end_array().end_object();
}

}  // namespace cma::http
