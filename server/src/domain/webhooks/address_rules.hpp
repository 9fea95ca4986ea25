#pragma once
// Which network addresses a webhook may reach (docs/webhooks.md, "Where a webhook may point"). A
// delivery is a request this server makes on a centre's behalf, so an endpoint that resolves to
// the server's own machine, the cloud's metadata service or the private network behind it would
// let a centre manager probe what only the server can reach (server-side request forgery). Only
// public unicast addresses pass, unless the operator allows private targets.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cma::domain {

// An IPv4 address (in the first 4 bytes) or an IPv6 address (all 16).
struct IpAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};
};

// Strict textual forms only: dotted quad with four decimal parts (no octal, hex or short forms),
// or IPv6 with at most one "::" and an optional trailing dotted quad. No zone ("%eth0"), no brackets.
std::optional<IpAddress> parse_ip_address(std::string_view text);

enum class AddressClass {
  global,         // public unicast: a webhook may go there
  unspecified,    // 0.0.0.0/8, ::
  loopback,       // 127.0.0.0/8, ::1
  private_use,    // 10/8, 172.16/12, 192.168/16, fc00::/7 (unique local), fec0::/10 (old site-local)
  shared,         // 100.64.0.0/10 (carrier-grade NAT)
  link_local,     // 169.254.0.0/16 (cloud metadata services among them), fe80::/10
  multicast,      // 224.0.0.0/4, ff00::/8
  broadcast,      // 255.255.255.255
  documentation,  // 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32
  reserved,       // the rest of the special-purpose ranges (240/4, 198.18/15, 192.0.0/24, 100::/64, …)
};

// IPv6 forms that carry an IPv4 address (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64
// 64:ff9b::/96, 6to4 2002::/16) are classed by the IPv4 address they carry.
AddressClass classify_address(const IpAddress& address);
std::string_view to_string(AddressClass c);

// Why a webhook may not reach `address` (text as a resolver gives it), or nullopt when it may. A
// text that is not an address is refused too.
std::optional<std::string> refuse_webhook_address(std::string_view address);

}  // namespace cma::domain
