#pragma once
// The webhooks module's storage, and the outbound HTTP it needs. Every method over the tables takes
// the centre's scope.
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/model.hpp"
#include "app/tenancy.hpp"
#include "app/webhooks/records.hpp"

namespace cma::app {

class WebhookRepository {
 public:
  virtual ~WebhookRepository() = default;
  virtual void insert(const WebhookEndpoint& e) = 0;
  virtual std::optional<WebhookEndpoint> find(const Scope& scope, const std::string& id) = 0;
  virtual void update(const CentreScope& scope, const WebhookEndpoint& e) = 0;
  // Removes the endpoint and its deliveries.
  virtual void remove(const CentreScope& scope, const std::string& id) = 0;
  // Newest first; up to page.limit rows before page.after_id.
  virtual std::vector<WebhookEndpoint> list(const Scope& scope, const PageRequest& page) = 0;
  // The centre's active endpoints (the caller picks those subscribed to an event).
  virtual std::vector<WebhookEndpoint> active(const CentreScope& scope) = 0;

  virtual void insert_delivery(const WebhookDelivery& d) = 0;
  virtual std::optional<WebhookDelivery> find_delivery(const CentreScope& scope, const std::string& id) = 0;
  virtual void update_delivery(const CentreScope& scope, const WebhookDelivery& d) = 0;
  // An endpoint's deliveries, newest first; up to page.limit rows before page.after_id.
  virtual std::vector<WebhookDelivery> deliveries(const CentreScope& scope, const std::string& endpoint_id,
                                                  const PageRequest& page) = 0;
};

// One POST to an endpoint, connected to `address` whatever `host` resolves to now.
struct WebhookPost {
  std::string url;
  std::string host;
  int port = 443;
  std::string address;  // numeric, as resolve() gave it
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::chrono::seconds timeout{10};
};

struct WebhookPostResult {
  int status = 0;  // 0: no HTTP response (error says why)
  std::string error;
};

// The network side of deliveries (blob/webhooks/ over libcurl).
class WebhookTransport {
 public:
  virtual ~WebhookTransport() = default;
  // The numeric addresses `host` resolves to, or an empty list with `error` set.
  virtual std::vector<std::string> resolve(const std::string& host, int port, std::string& error) = 0;
  // Follows no redirect, reads at most a few KiB of the answer.
  virtual WebhookPostResult post(const WebhookPost& request) = 0;
};

// The operator's settings (WEBHOOKS_ALLOW_PRIVATE_TARGETS) and the transport.
struct WebhookSettings {
  bool allow_private_targets = false;  // also allows http:// (tests, local development)
  WebhookTransport* transport = nullptr;
};

}  // namespace cma::app
