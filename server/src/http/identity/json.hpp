#pragma once
// The JSON shapes of centres and users, as api/openapi.yaml describes them.
#include "app/identity/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::User> {
  static boost::json::object of(const app::User& u);
};

template <>
struct Json<app::Centre> {
  static boost::json::object of(const app::Centre& c);
};

}  // namespace cma::http
