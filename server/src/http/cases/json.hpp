#pragma once
// The JSON shapes of cases, as api/openapi.yaml describes them. Money is whole pence.
#include "app/cases/cases.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::Case> {
  static void write(JsonWriter& w, const app::Case& c);
  // The case's fields without the braces around them, for shapes that extend it.
  static void write_fields(JsonWriter& w, const app::Case& c);
};

template <>
struct Json<app::CaseDetail> {
  static void write(JsonWriter& w, const app::CaseDetail& d);
};

}  // namespace cma::http
