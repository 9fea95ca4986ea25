#include "http/documents/json.hpp"

namespace cma::http {

void Json<app::DocumentVersion>::write(JsonWriter& w, const app::DocumentVersion& v) {
  w.begin_object()
      .field("version", static_cast<long long>(v.version))
      .field("fileName", v.file_name)
      .field("contentType", v.content_type)
      .field("sizeBytes", static_cast<long long>(v.size_bytes))
      .field("sha256", v.sha256)
      .field("uploadedBy", v.uploaded_by)
      .field("createdAt", v.created_at)
      .field("extractionStatus", v.extraction_status)
      .end_object();
}

void Json<app::Document>::write(JsonWriter& w, const app::Document& d) {
  w.begin_object()
      .field("id", d.id)
      .field("caseId", d.case_id)
      .field("documentType", d.document_type)
      .field("name", d.name)
      .field("status", d.status)
      .field("uploadedBy", d.uploaded_by)
      .field("currentVersion", static_cast<long long>(d.current_version))
      .field("contentType", d.current.content_type)
      .field("sizeBytes", static_cast<long long>(d.current.size_bytes))
      .field("sha256", d.current.sha256)
      .field("extractionStatus", d.current.extraction_status)
      .field("createdAt", d.created_at)
      .field("updatedAt", d.updated_at);
  if (!d.versions.empty()) {
    w.key("versions").begin_array();
    for (const auto& v : d.versions) Json<app::DocumentVersion>::write(w, v);
    w.end_array();
  }
  w.end_object();
}

}  // namespace cma::http
