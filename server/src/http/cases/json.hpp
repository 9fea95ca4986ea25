#pragma once
// The JSON shapes of cases, as api/openapi.yaml describes them. Money is whole pence.
#include "app/cases/cases.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::Case> {
  static boost::json::object of(const app::Case& c);
};

template <>
struct Json<app::CaseDetail> {
  static boost::json::object of(const app::CaseDetail& d);
};

}  // namespace cma::http
