#pragma once
// The JSON shape of a debt, as api/openapi.yaml describes it. Money is whole pence.
#include "app/debts/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::Debt> {
  static boost::json::object of(const app::Debt& d);
};

// In lists the account reference is masked ("****1234").
boost::json::object debt_in_list(const app::Debt& d);

}  // namespace cma::http
