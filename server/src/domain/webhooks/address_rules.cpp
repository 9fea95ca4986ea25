#include "domain/webhooks/address_rules.hpp"

#include <vector>

namespace cma::domain {

namespace {

bool wh_is_digit(char c) {
  return c >= '0' && c <= '9';
}

int wh_hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Four decimal parts of 0-255, no leading zeros (which some parsers read as octal).
bool wh_parse_v4(std::string_view text, std::uint8_t* out) {
  int part = 0;
  std::size_t i = 0;
  while (part < 4) {
    std::size_t start = i;
    int value = 0;
    while (i < text.size() && wh_is_digit(text[i])) {
      value = value * 10 + (text[i] - '0');
      if (value > 255 || i - start >= 3) return false;
      ++i;
    }
    std::size_t len = i - start;
    if (len == 0 || (len > 1 && text[start] == '0')) return false;
    out[part++] = static_cast<std::uint8_t>(value);
    if (part < 4) {
      if (i >= text.size() || text[i] != '.') return false;
      ++i;
    }
  }
  return i == text.size();
}

bool wh_parse_v6(std::string_view text, std::uint8_t* out) {
  if (text.empty()) return false;
  std::vector<std::uint16_t> head, tail;
  bool gap = false;
  std::vector<std::uint16_t>* groups = &head;
  std::size_t i = 0;
  if (text.substr(0, 2) == "::") {
    gap = true;
    groups = &tail;
    i = 2;
    if (text.size() == 2) {
      for (int k = 0; k < 16; ++k) out[k] = 0;
      return true;
    }
  } else if (text[0] == ':') {
    return false;
  }
  std::uint8_t v4[4];
  bool has_v4 = false;
  while (i < text.size()) {
    // A trailing dotted quad takes the last two groups.
    std::size_t end = text.find(':', i);
    std::string_view piece = text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (piece.find('.') != std::string_view::npos) {
      if (end != std::string_view::npos || !wh_parse_v4(piece, v4)) return false;
      has_v4 = true;
      break;
    }
    if (piece.empty() || piece.size() > 4) return false;
    unsigned value = 0;
    for (char c : piece) {
      int h = wh_hex_value(c);
      if (h < 0) return false;
      value = value * 16 + static_cast<unsigned>(h);
    }
    groups->push_back(static_cast<std::uint16_t>(value));
    if (end == std::string_view::npos) {
      i = text.size();
      break;
    }
    i = end + 1;
    if (i < text.size() && text[i] == ':') {
      if (gap) return false;  // a second "::"
      gap = true;
      groups = &tail;
      ++i;
      if (i == text.size()) break;  // ends with "::"
    } else if (i == text.size()) {
      return false;  // ends with a single ':'
    }
  }
  std::size_t words = head.size() + tail.size() + (has_v4 ? 2 : 0);
  if (gap ? words > 7 : words != 8) return false;
  std::vector<std::uint16_t> all = head;
  all.resize(head.size() + (8 - words), 0);
  all.insert(all.end(), tail.begin(), tail.end());
  if (has_v4) {
    all.push_back(static_cast<std::uint16_t>(v4[0] << 8 | v4[1]));
    all.push_back(static_cast<std::uint16_t>(v4[2] << 8 | v4[3]));
  }
  for (std::size_t k = 0; k < 8; ++k) {
    out[2 * k] = static_cast<std::uint8_t>(all[k] >> 8);
    out[2 * k + 1] = static_cast<std::uint8_t>(all[k] & 0xff);
  }
  return true;
}

AddressClass wh_classify_v4(const std::uint8_t* a) {
  auto in = [&](std::uint8_t b0, std::uint8_t b1, int bits) {
    std::uint32_t x = static_cast<std::uint32_t>(a[0]) << 24 | static_cast<std::uint32_t>(a[1]) << 16 |
                      static_cast<std::uint32_t>(a[2]) << 8 | a[3];
    std::uint32_t net = static_cast<std::uint32_t>(b0) << 24 | static_cast<std::uint32_t>(b1) << 16;
    std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
    return (x & mask) == (net & mask);
  };
  auto in24 = [&](std::uint8_t b0, std::uint8_t b1, std::uint8_t b2) { return a[0] == b0 && a[1] == b1 && a[2] == b2; };
  if (a[0] == 255 && a[1] == 255 && a[2] == 255 && a[3] == 255) return AddressClass::broadcast;
  if (in(0, 0, 8)) return AddressClass::unspecified;
  if (in(127, 0, 8)) return AddressClass::loopback;
  if (in(10, 0, 8) || in(172, 16, 12) || in(192, 168, 16)) return AddressClass::private_use;
  if (in(100, 64, 10)) return AddressClass::shared;
  if (in(169, 254, 16)) return AddressClass::link_local;
  if (in(224, 0, 4)) return AddressClass::multicast;
  if (in24(192, 0, 2) || in24(198, 51, 100) || in24(203, 0, 113)) return AddressClass::documentation;
  if (in(240, 0, 4) || in(198, 18, 15) || in24(192, 0, 0) || in24(192, 88, 99) || in24(192, 31, 196) ||
      in24(192, 52, 193) || in24(192, 175, 48))
    return AddressClass::reserved;
  return AddressClass::global;
}

}  // namespace

std::optional<IpAddress> parse_ip_address(std::string_view text) {
  IpAddress out;
  if (text.find(':') == std::string_view::npos) {
    if (!wh_parse_v4(text, out.bytes.data())) return std::nullopt;
    return out;
  }
  out.v6 = true;
  if (!wh_parse_v6(text, out.bytes.data())) return std::nullopt;
  return out;
}

AddressClass classify_address(const IpAddress& address) {
  const auto& b = address.bytes;
  if (!address.v6) return wh_classify_v4(b.data());
  auto zero = [&](int from, int to) {
    for (int k = from; k < to; ++k)
      if (b[static_cast<std::size_t>(k)] != 0) return false;
    return true;
  };
  if (zero(0, 10) && b[10] == 0xff && b[11] == 0xff) return wh_classify_v4(b.data() + 12);  // ::ffff:a.b.c.d
  if (zero(0, 16)) return AddressClass::unspecified;
  if (zero(0, 15) && b[15] == 1) return AddressClass::loopback;
  if (zero(0, 12)) return wh_classify_v4(b.data() + 12);  // ::a.b.c.d, IPv4-compatible (deprecated)
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && zero(4, 12))
    return wh_classify_v4(b.data() + 12);                                 // 64:ff9b::/96, NAT64
  if (b[0] == 0x20 && b[1] == 0x02) return wh_classify_v4(b.data() + 2);  // 2002::/16, 6to4
  if (b[0] == 0xff) return AddressClass::multicast;
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressClass::link_local;
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return AddressClass::private_use;  // fec0::/10, site-local
  if ((b[0] & 0xfe) == 0xfc) return AddressClass::private_use;                  // fc00::/7, unique local
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return AddressClass::documentation;
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) return AddressClass::reserved;  // Teredo
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] < 0x02) return AddressClass::reserved;   // 2001::/23
  if ((b[0] & 0xe0) != 0x20) return AddressClass::reserved;  // outside 2000::/3, global unicast
  return AddressClass::global;
}

std::string_view to_string(AddressClass c) {
  switch (c) {
    case AddressClass::global:
      return "public";
    case AddressClass::unspecified:
      return "unspecified";
    case AddressClass::loopback:
      return "loopback";
    case AddressClass::private_use:
      return "private";
    case AddressClass::shared:
      return "shared (carrier-grade NAT)";
    case AddressClass::link_local:
      return "link-local";
    case AddressClass::multicast:
      return "multicast";
    case AddressClass::broadcast:
      return "broadcast";
    case AddressClass::documentation:
      return "documentation";
    case AddressClass::reserved:
      return "reserved";
  }
  return "reserved";
}

std::optional<std::string> refuse_webhook_address(std::string_view address) {
  auto parsed = parse_ip_address(address);
  if (!parsed) return "is not an IP address";
  auto c = classify_address(*parsed);
  if (c == AddressClass::global) return std::nullopt;
  return "is a " + std::string(to_string(c)) + " address";
}

}  // namespace cma::domain
