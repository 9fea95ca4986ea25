#pragma once
// Webhook deliveries over libcurl (docs/webhooks.md): the host resolved with the system resolver,
// and each request connected to the address the caller checked (CURLOPT_RESOLVE), so a name that
// resolves differently a moment later (DNS rebinding) cannot move it. No redirects, no proxies
// from the environment, a 10 s limit, at most 16 KiB of the answer read.
#include "app/webhooks/ports.hpp"

namespace cma::blob {

class CurlWebhookTransport final : public app::WebhookTransport {
 public:
  std::vector<std::string> resolve(const std::string& host, int port, std::string& error) override;
  app::WebhookPostResult post(const app::WebhookPost& request) override;
};

}  // namespace cma::blob
