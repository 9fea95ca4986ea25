#pragma once
// The JSON shape of a screening, as api/openapi.yaml describes it. Money is whole pence.
#include "app/solutions/solutions.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::CaseScreening> {
  static boost::json::object of(const app::CaseScreening& s);
};

}  // namespace cma::http
