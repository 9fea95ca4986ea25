#pragma once
// The JSON shape of a notification, as api/openapi.yaml describes it.
#include "app/notifications/notifications.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::Notification> {
  static void write(JsonWriter& w, const app::Notification& n);
};

template <>
struct Json<app::ReadAllResult> {
  static void write(JsonWriter& w, const app::ReadAllResult& r);
};

}  // namespace cma::http
