#pragma once
// The JSON shapes of webhooks and their deliveries, as api/openapi.yaml describes them. The secret
// appears only in WebhookEndpointWithSecret (create, rotate-secret).
#include "app/webhooks/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::WebhookEndpoint> {
  static void write(JsonWriter& w, const app::WebhookEndpoint& e);
};

template <>
struct Json<app::WebhookEndpointWithSecret> {
  static void write(JsonWriter& w, const app::WebhookEndpointWithSecret& e);
};

template <>
struct Json<app::WebhookDelivery> {
  static void write(JsonWriter& w, const app::WebhookDelivery& d);
};

}  // namespace cma::http
