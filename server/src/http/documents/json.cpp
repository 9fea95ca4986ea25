#include "http/documents/json.hpp"

#include <boost/json.hpp>
#include <cmath>

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
      .field("extractionStatus", d.current.extraction_status);
  w.nullable("extractionError", d.current.extraction_error);
  if (d.current.extraction_confidence)
    w.key("extractionConfidence").value(boost::json::value(std::round(*d.current.extraction_confidence * 10) / 10));
  else
    w.key("extractionConfidence").null();
  // The text only on single-document reads (which carry the versions too), never in lists.
  if (!d.versions.empty()) {
    if (d.current.extracted_text)
      w.field("extractedText", *d.current.extracted_text);
    else
      w.key("extractedText").null();
  }
  w.field("createdAt", d.created_at).field("updatedAt", d.updated_at);
  if (!d.versions.empty()) {
    w.key("versions").begin_array();
    for (const auto& v : d.versions) Json<app::DocumentVersion>::write(w, v);
    w.end_array();
  }
  w.end_object();
}

}  // namespace cma::http
