#pragma once
// The JSON shapes of budgets, as api/openapi.yaml describes them. Money is whole pence.
#include "app/budgets/budgets.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::BudgetView> {
  static boost::json::object of(const app::BudgetView& v);
};

// A version in the list of versions (no lines).
template <>
struct Json<app::Budget> {
  static boost::json::object of(const app::Budget& b);
};

}  // namespace cma::http
