#include "domain/webhooks/webhook_rules.hpp"

#include <algorithm>
#include <cctype>

#include "domain/webhooks/address_rules.hpp"

namespace cma::domain {

const std::vector<std::string>& webhook_events() {
  static const std::vector<std::string> events = {kWebhookCaseCreated, kWebhookCaseStatusChanged,
                                                  kWebhookAppointmentScheduled, kWebhookDocumentProcessed};
  return events;
}

bool is_webhook_event(std::string_view name) {
  const auto& events = webhook_events();
  return std::find(events.begin(), events.end(), name) != events.end();
}

std::optional<std::string> parse_webhook_url(std::string_view url, bool allow_http, WebhookUrl& out) {
  if (url.empty()) return "is required";
  if (url.size() > kMaxWebhookUrlLength) return "must be at most 2048 characters";
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
      return "must be printable ASCII without spaces (percent-encode anything else)";
  auto sep = url.find("://");
  if (sep == std::string_view::npos) return "must be an absolute https:// URL";
  std::string scheme(url.substr(0, sep));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  if (scheme == "http") {
    if (!allow_http) return "must use https";
  } else if (scheme != "https") {
    return "must use https";
  }
  if (url.find('#') != std::string_view::npos) return "must not have a fragment";
  auto rest = url.substr(sep + 3);
  auto authority = rest.substr(0, rest.find_first_of("/?"));
  if (authority.find('@') != std::string_view::npos) return "must not carry a user name or password";
  std::string_view host;
  std::string_view port;
  if (!authority.empty() && authority[0] == '[') {
    auto close = authority.find(']');
    if (close == std::string_view::npos) return "has an unclosed [ in its host";
    host = authority.substr(1, close - 1);
    auto after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') return "has something after its IPv6 address that is not a port";
      port = after.substr(1);
    }
    if (!parse_ip_address(host) || host.find(':') == std::string_view::npos)
      return "has a host in brackets that is not an IPv6 address";
    out.host_is_address = true;
  } else {
    auto colon = authority.find(':');
    host = authority.substr(0, colon);
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
    for (char c : host)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'))
        return "has a host that is not a DNS name or an IP address";
    if (host.size() > 253) return "has a host name longer than 253 characters";
    out.host_is_address = parse_ip_address(host).has_value();
  }
  if (host.empty()) return "must name a host";
  out.port = scheme == "https" ? 443 : 80;
  if (!port.empty() || (authority.size() > 0 && authority.back() == ':')) {
    if (port.empty() || port.size() > 5) return "has a port that is not from 1 to 65535";
    int p = 0;
    for (char c : port) {
      if (c < '0' || c > '9') return "has a port that is not from 1 to 65535";
      p = p * 10 + (c - '0');
    }
    if (p < 1 || p > 65535) return "has a port that is not from 1 to 65535";
    out.port = p;
  }
  out.scheme = scheme;
  out.host.assign(host);
  std::transform(out.host.begin(), out.host.end(), out.host.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return std::nullopt;
}

std::string webhook_signed_content(std::string_view delivery_id, long long unix_seconds, std::string_view body) {
  std::string s;
  s.reserve(delivery_id.size() + body.size() + 24);
  s.append(delivery_id).append(".").append(std::to_string(unix_seconds)).append(".").append(body);
  return s;
}

}  // namespace cma::domain
