#include "app/webhooks/webhooks.hpp"
#include "domain/webhooks/address_rules.hpp"
#include "platform/crypto.hpp"
#include "platform/log.hpp"

namespace cma::app {

namespace {

const WebhookSettings& wh_settings(const Deps& deps) {
  static const WebhookSettings none;
  return deps.webhooks != nullptr ? *deps.webhooks : none;
}

}  // namespace

std::string webhook_signature(const std::string& secret, const std::string& delivery_id, long long unix_seconds,
                              const std::string& body) {
  return "v1=" + platform::to_hex(
                     platform::hmac_sha256(secret, domain::webhook_signed_content(delivery_id, unix_seconds, body)));
}

std::optional<std::string> check_webhook_target(const Deps& deps, const std::string& url, std::string* address) {
  const auto& settings = wh_settings(deps);
  domain::WebhookUrl parsed;
  if (auto why = domain::parse_webhook_url(url, settings.allow_private_targets, parsed)) return why;
  std::vector<std::string> addresses;
  if (parsed.host_is_address) {
    addresses.push_back(parsed.host);
  } else {
    if (settings.transport == nullptr) return "cannot be checked: this server sends no webhooks";
    std::string error;
    addresses = settings.transport->resolve(parsed.host, parsed.port, error);
    if (addresses.empty()) return "has a host name that does not resolve (" + error + ")";
  }
  if (!settings.allow_private_targets) {
    for (const auto& a : addresses)
      if (auto why = domain::refuse_webhook_address(a))
        return "points at " + a + ", which " + *why + "; webhooks may reach public addresses only";
  }
  if (address != nullptr) *address = addresses.front();
  return std::nullopt;
}

WebhookAttempt deliver_webhook(const Deps& deps, const std::string& centre_id, const std::string& delivery_id,
                               int attempt, int max_attempts) {
  auto scope = Tenancy::centre_within(Principal::operator_command(), centre_id);
  if (!scope || !platform::is_uuid(delivery_id)) return {WebhookAttempt::Outcome::nothing_to_do, "no such delivery"};
  std::optional<WebhookDelivery> delivery;
  std::optional<WebhookEndpoint> endpoint;
  {
    auto tx = deps.db.begin(TxMode::read);
    auto& repo = tx->get<WebhookRepository>();
    delivery = repo.find_delivery(*scope, delivery_id);
    if (delivery) endpoint = repo.find(*scope, delivery->endpoint_id);
  }
  // Deleted meanwhile, or delivered by an earlier run of this job: nothing to send.
  if (!delivery || !endpoint) return {WebhookAttempt::Outcome::nothing_to_do, "the delivery or its webhook is gone"};
  if (delivery->status == "delivered") return {WebhookAttempt::Outcome::nothing_to_do, ""};

  WebhookAttempt result;
  int status = 0;
  std::string address;
  if (wh_settings(deps).transport == nullptr) {
    result = {WebhookAttempt::Outcome::failed, "this server sends no webhooks"};
  } else if (!endpoint->active) {
    result = {WebhookAttempt::Outcome::failed, "the webhook is not active"};
  } else if (auto refused = check_webhook_target(deps, endpoint->url, &address)) {
    // A refused address is not tried again: it is the operator's rule, not a passing fault. A name
    // that does not resolve may, though.
    bool passing = refused->find("does not resolve") != std::string::npos;
    result = {passing ? WebhookAttempt::Outcome::retry : WebhookAttempt::Outcome::failed, "url " + *refused};
  } else {
    domain::WebhookUrl parsed;
    domain::parse_webhook_url(endpoint->url, true, parsed);
    auto ts = platform::unix_seconds(deps.clock.now());
    WebhookPost post;
    post.url = endpoint->url;
    post.host = parsed.host;
    post.port = parsed.port;
    post.address = address;
    post.body = delivery->payload;
    post.headers = {{"Content-Type", "application/json"},
                    {"User-Agent", "cma-webhooks/1"},
                    {"Webhook-Id", delivery->id},
                    {"Webhook-Timestamp", std::to_string(ts)},
                    {"Webhook-Event", delivery->event_type},
                    {"Webhook-Signature", webhook_signature(endpoint->secret, delivery->id, ts, delivery->payload)}};
    auto sent = wh_settings(deps).transport->post(post);
    status = sent.status;
    if (sent.status >= 200 && sent.status < 300)
      result = {WebhookAttempt::Outcome::delivered, ""};
    else if (sent.status != 0)
      result = {WebhookAttempt::Outcome::retry, "the endpoint answered HTTP " + std::to_string(sent.status)};
    else
      result = {WebhookAttempt::Outcome::retry, sent.error.empty() ? "no answer" : sent.error};
  }
  if (result.outcome == WebhookAttempt::Outcome::retry && attempt >= max_attempts)
    result.outcome = WebhookAttempt::Outcome::failed;

  auto now = platform::format_time(deps.clock.now());
  auto tx = deps.db.begin(TxMode::write);
  auto& repo = tx->get<WebhookRepository>();
  auto current = repo.find_delivery(*scope, delivery_id);
  if (!current) return {WebhookAttempt::Outcome::nothing_to_do, "the delivery is gone"};
  current->attempts += 1;
  current->last_status_code = status;
  current->last_error = result.error.substr(0, 1000);
  current->last_attempt_at = now;
  current->updated_at = now;
  if (result.outcome == WebhookAttempt::Outcome::delivered) {
    current->status = "delivered";
    current->delivered_at = now;
  } else if (result.outcome == WebhookAttempt::Outcome::failed) {
    current->status = "failed";
  } else {
    current->status = "pending";
  }
  repo.update_delivery(*scope, *current);
  tx->commit();
  platform::log::info("webhook.attempt", platform::log::Fields()
                                             .add("delivery", delivery_id)
                                             .add("event", delivery->event_type)
                                             .add("status", current->status)
                                             .add("http_status", status)
                                             .add("attempt", attempt));
  return result;
}

}  // namespace cma::app
