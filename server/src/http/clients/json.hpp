#pragma once
// The JSON shape of a client, as api/openapi.yaml describes it.
#include "app/clients/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::Client> {
  static void write(JsonWriter& w, const app::Client& c);
};

}  // namespace cma::http
