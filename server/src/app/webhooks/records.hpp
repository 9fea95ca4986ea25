#pragma once
// The webhooks module's records (docs/webhooks.md).
#include <optional>
#include <string>
#include <vector>

#include "domain/result.hpp"

namespace cma::app {

// An endpoint a centre registered. The secret signs its deliveries; the API shows it only when it
// is made (create, rotate-secret).
struct WebhookEndpoint {
  std::string id;
  std::string centre_id;
  std::string url;
  std::vector<std::string> events;
  std::string secret;
  std::string description;
  bool active = true;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
};

// An endpoint as create and rotate-secret answer: with its new secret, this once.
struct WebhookEndpointWithSecret {
  WebhookEndpoint endpoint;
};

// One event on its way to one endpoint, and what happened to its attempts.
struct WebhookDelivery {
  std::string id;
  std::string centre_id;
  std::string endpoint_id;
  std::string event_id;
  std::string event_type;
  std::string payload;  // the exact body sent (and signed)
  int attempts = 0;
  std::string status = "pending";  // pending | delivered | failed
  int last_status_code = 0;        // 0: no HTTP response
  std::string last_error;
  std::string last_attempt_at;
  std::string delivered_at;
  std::string created_at;
  std::string updated_at;
};

// A create or a change; a field left out is not changed.
struct WebhookInput {
  std::optional<std::string> centre_id;  // create only; admins may name another centre
  std::optional<std::string> url;
  std::optional<std::vector<std::string>> events;
  std::optional<std::string> description;
  std::optional<bool> active;
  std::vector<FieldError> shape_errors;
};

}  // namespace cma::app
