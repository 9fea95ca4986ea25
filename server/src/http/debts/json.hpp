#pragma once
// The JSON shape of a debt, as api/openapi.yaml describes it. Money is whole pence.
#include "app/debts/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::Debt> {
  static void write(JsonWriter& w, const app::Debt& d);
  // In lists the account reference is masked ("****1234").
  static void write_in_list(JsonWriter& w, const app::Debt& d);
};

}  // namespace cma::http
