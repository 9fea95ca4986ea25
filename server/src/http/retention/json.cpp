#include "http/retention/json.hpp"

namespace cma::http {

namespace {

void write_retention_ids(JsonWriter& w, JsonKey key, const std::vector<std::string>& ids) {
  w.key(key).begin_array();
  for (const auto& id : ids) w.value(id);
  w.end_array();
}

}  // namespace

void Json<app::RetentionReport>::write(JsonWriter& w, const app::RetentionReport& r) {
  long long clients = 0, documents = 0, cases = 0, blobs = 0;
  for (const auto& c : r.centres) {
    clients += static_cast<long long>(c.client_ids.size());
    documents += static_cast<long long>(c.document_ids.size());
    cases += static_cast<long long>(c.case_ids.size());
    blobs += c.blobs;
  }
  w.begin_object().field("today", r.today);
  w.key("totals")
      .begin_object()
      .field("cases", cases)
      .field("clients", clients)
      .field("documents", documents)
      .field("blobs", blobs)
      .end_object();
  w.key("centres").begin_array();
  for (const auto& c : r.centres) {
    w.begin_object().field("centreId", c.centre_id);
    w.key("counts")
        .begin_object()
        .field("cases", static_cast<long long>(c.case_ids.size()))
        .field("clients", static_cast<long long>(c.client_ids.size()))
        .field("documents", static_cast<long long>(c.document_ids.size()))
        .field("blobs", c.blobs)
        .end_object();
    write_retention_ids(w, "caseIds", c.case_ids);
    write_retention_ids(w, "clientIds", c.client_ids);
    write_retention_ids(w, "documentIds", c.document_ids);
    w.field("truncated", c.truncated).end_object();
  }
  w.end_array().end_object();
}

}  // namespace cma::http
