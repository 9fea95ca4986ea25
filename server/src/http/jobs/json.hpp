#pragma once
// The JSON shape of a job, as api/openapi.yaml describes it.
#include "app/jobs/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::Job> {
  static void write(JsonWriter& w, const app::Job& j);
};

}  // namespace cma::http
