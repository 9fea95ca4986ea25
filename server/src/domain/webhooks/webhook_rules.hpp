#pragma once
// Webhooks' rules that need no I/O: the events a centre may subscribe to, what an endpoint URL may
// look like, and what a delivery's signature covers (docs/webhooks.md).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cma::domain {

inline constexpr const char* kWebhookCaseCreated = "case.created";
inline constexpr const char* kWebhookCaseStatusChanged = "case.status_changed";
inline constexpr const char* kWebhookAppointmentScheduled = "appointment.scheduled";
inline constexpr const char* kWebhookDocumentProcessed = "document.processed";
// Sent only by POST /webhooks/{id}/ping, to the one endpoint, whatever it subscribes to.
inline constexpr const char* kWebhookPing = "webhook.ping";

// The events an endpoint may subscribe to, in the order the API lists them.
const std::vector<std::string>& webhook_events();
bool is_webhook_event(std::string_view name);

inline constexpr std::size_t kMaxWebhookUrlLength = 2048;
inline constexpr std::size_t kMaxWebhookDescriptionLength = 500;

struct WebhookUrl {
  std::string scheme;  // "https", or "http" when allowed
  std::string host;    // lower case; an IPv6 literal without its brackets
  int port = 443;
  bool host_is_address = false;  // an IPv4 or IPv6 literal rather than a name
};

// Parses an endpoint URL: absolute, https (http only with `allow_http`), a host, an optional port
// (1-65535), no user name or password, no fragment, at most kMaxWebhookUrlLength characters,
// printable ASCII only. Returns why not, or nullopt with `out` filled.
std::optional<std::string> parse_webhook_url(std::string_view url, bool allow_http, WebhookUrl& out);

// What the signature covers: "<delivery id>.<unix seconds>.<body>".
std::string webhook_signed_content(std::string_view delivery_id, long long unix_seconds, std::string_view body);

// The delay between a failed delivery attempt and the next is the job queue's backoff; after this
// many attempts a delivery is failed.
inline constexpr int kWebhookMaxAttempts = 8;

}  // namespace cma::domain
