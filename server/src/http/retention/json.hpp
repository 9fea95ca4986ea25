#pragma once
// The JSON shape of the retention dry run, as api/openapi.yaml describes it.
#include "app/retention/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::RetentionReport> {
  static void write(JsonWriter& w, const app::RetentionReport& r);
};

}  // namespace cma::http
