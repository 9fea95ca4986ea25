#pragma once
// The JSON shape of a case's compliance checklist, as api/openapi.yaml describes it.
#include "app/compliance/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::CaseCompliance> {
  static void write(JsonWriter& w, const app::CaseCompliance& c);
};

}  // namespace cma::http
