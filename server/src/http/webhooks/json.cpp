#include "http/webhooks/json.hpp"

#include <boost/json.hpp>

namespace cma::http {

namespace {

void write_webhook_fields(JsonWriter& w, const app::WebhookEndpoint& e) {
  w.field("id", e.id).field("centreId", e.centre_id).field("url", e.url).key("events").begin_array();
  for (const auto& name : e.events) w.value(name);
  w.end_array()
      .field("description", e.description)
      .field("active", e.active)
      .field("createdBy", e.created_by)
      .field("createdAt", e.created_at)
      .field("updatedAt", e.updated_at);
}

}  // namespace

void Json<app::WebhookEndpoint>::write(JsonWriter& w, const app::WebhookEndpoint& e) {
  w.begin_object();
  write_webhook_fields(w, e);
  w.end_object();
}

void Json<app::WebhookEndpointWithSecret>::write(JsonWriter& w, const app::WebhookEndpointWithSecret& e) {
  w.begin_object();
  write_webhook_fields(w, e.endpoint);
  w.field("secret", e.endpoint.secret).end_object();
}

void Json<app::WebhookDelivery>::write(JsonWriter& w, const app::WebhookDelivery& d) {
  boost::system::error_code ec;
  auto payload = boost::json::parse(d.payload, ec);
  if (ec) payload = boost::json::object();
  w.begin_object()
      .field("id", d.id)
      .field("webhookId", d.endpoint_id)
      .field("eventId", d.event_id)
      .field("eventType", d.event_type)
      .field("payload", payload)
      .field("status", d.status)
      .field("attempts", d.attempts)
      .key("lastStatusCode");
  if (d.last_status_code == 0)
    w.value(boost::json::value(nullptr));
  else
    w.value(d.last_status_code);
  w.nullable("lastError", d.last_error)
      .nullable("lastAttemptAt", d.last_attempt_at)
      .nullable("deliveredAt", d.delivered_at)
      .field("createdAt", d.created_at)
      .field("updatedAt", d.updated_at)
      .end_object();
}

}  // namespace cma::http
