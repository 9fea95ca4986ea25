#pragma once
// The JSON shape of a document and of one version, as api/openapi.yaml describes them. The object
// key is never shown: it is the server's business.
#include "app/documents/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::DocumentVersion> {
  static void write(JsonWriter& w, const app::DocumentVersion& v);
};

template <>
struct Json<app::Document> {
  static void write(JsonWriter& w, const app::Document& d);
};

}  // namespace cma::http
