// Webhooks' pure rules: which addresses a webhook may reach, what an endpoint URL may be, and what
// the signature covers.
#include <gtest/gtest.h>

#include "domain/webhooks/address_rules.hpp"
#include "domain/webhooks/webhook_rules.hpp"

namespace cma::domain {
namespace {

AddressClass class_of(const char* text) {
  auto a = parse_ip_address(text);
  EXPECT_TRUE(a.has_value()) << text;
  return a ? classify_address(*a) : AddressClass::reserved;
}

TEST(WebhookAddresses, StrictTextualFormsOnly) {
  for (const char* ok :
       {"1.2.3.4", "255.255.255.255", "0.0.0.0", "::", "::1", "2001:db8::1", "fe80::1", "::ffff:127.0.0.1",
        "1:2:3:4:5:6:7:8", "1::", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "64:ff9b::10.0.0.1", "FE80::ABCD"})
    EXPECT_TRUE(parse_ip_address(ok).has_value()) << ok;
  for (const char* bad :
       {"",           "1.2.3",    "1.2.3.4.5", "256.1.1.1",    "01.2.3.4", "0x7f.0.0.1",        "127.1",
        "2130706433", "1.2.3.4 ", " 1.2.3.4",  "1..2.3",       ":::",      "1:2:3:4:5:6:7:8:9", "1::2::3",
        ":1::",       "12345::",  "g::1",      "fe80::1%eth0", "[::1]",    "1:2:3:4:5:6:7:8::", "::1.2.3",
        "1.2.3.4::",  "1:",       "localhost", "-1.2.3.4"})
    EXPECT_FALSE(parse_ip_address(bad).has_value()) << bad;
  auto mapped = parse_ip_address("::ffff:10.1.2.3");
  ASSERT_TRUE(mapped);
  EXPECT_EQ(mapped->bytes[10], 0xff);
  EXPECT_EQ(mapped->bytes[12], 10);
  EXPECT_EQ(mapped->bytes[15], 3);
}

TEST(WebhookAddresses, IPv4SpecialRangesAreNotPublic) {
  EXPECT_EQ(class_of("127.0.0.1"), AddressClass::loopback);
  EXPECT_EQ(class_of("127.255.255.254"), AddressClass::loopback);
  EXPECT_EQ(class_of("0.0.0.0"), AddressClass::unspecified);
  EXPECT_EQ(class_of("0.1.2.3"), AddressClass::unspecified);
  EXPECT_EQ(class_of("10.0.0.1"), AddressClass::private_use);
  EXPECT_EQ(class_of("172.16.0.1"), AddressClass::private_use);
  EXPECT_EQ(class_of("172.31.255.255"), AddressClass::private_use);
  EXPECT_EQ(class_of("172.32.0.1"), AddressClass::global);
  EXPECT_EQ(class_of("172.15.255.255"), AddressClass::global);
  EXPECT_EQ(class_of("192.168.1.1"), AddressClass::private_use);
  EXPECT_EQ(class_of("100.64.0.1"), AddressClass::shared);
  EXPECT_EQ(class_of("100.127.255.255"), AddressClass::shared);
  EXPECT_EQ(class_of("100.128.0.1"), AddressClass::global);
  EXPECT_EQ(class_of("100.63.255.255"), AddressClass::global);
  EXPECT_EQ(class_of("169.254.169.254"), AddressClass::link_local);
  EXPECT_EQ(class_of("224.0.0.1"), AddressClass::multicast);
  EXPECT_EQ(class_of("239.255.255.255"), AddressClass::multicast);
  EXPECT_EQ(class_of("255.255.255.255"), AddressClass::broadcast);
  EXPECT_EQ(class_of("240.0.0.1"), AddressClass::reserved);
  EXPECT_EQ(class_of("198.18.0.1"), AddressClass::reserved);
  EXPECT_EQ(class_of("198.19.255.255"), AddressClass::reserved);
  EXPECT_EQ(class_of("198.20.0.1"), AddressClass::global);
  EXPECT_EQ(class_of("192.0.0.8"), AddressClass::reserved);
  EXPECT_EQ(class_of("192.0.2.1"), AddressClass::documentation);
  EXPECT_EQ(class_of("198.51.100.7"), AddressClass::documentation);
  EXPECT_EQ(class_of("203.0.113.9"), AddressClass::documentation);
  EXPECT_EQ(class_of("8.8.8.8"), AddressClass::global);
  EXPECT_EQ(class_of("1.1.1.1"), AddressClass::global);
  EXPECT_EQ(class_of("11.0.0.1"), AddressClass::global);
  EXPECT_EQ(class_of("126.255.255.255"), AddressClass::global);
  EXPECT_EQ(class_of("128.0.0.1"), AddressClass::global);
  EXPECT_EQ(class_of("169.253.255.255"), AddressClass::global);
  EXPECT_EQ(class_of("223.255.255.255"), AddressClass::global);
}

TEST(WebhookAddresses, IPv6SpecialRangesAndEmbeddedIPv4) {
  EXPECT_EQ(class_of("::1"), AddressClass::loopback);
  EXPECT_EQ(class_of("0:0:0:0:0:0:0:1"), AddressClass::loopback);
  EXPECT_EQ(class_of("::"), AddressClass::unspecified);
  EXPECT_EQ(class_of("fe80::1"), AddressClass::link_local);
  EXPECT_EQ(class_of("febf::1"), AddressClass::link_local);
  EXPECT_EQ(class_of("fec0::1"), AddressClass::private_use);
  EXPECT_EQ(class_of("fc00::1"), AddressClass::private_use);
  EXPECT_EQ(class_of("fd12:3456::1"), AddressClass::private_use);
  EXPECT_EQ(class_of("ff02::1"), AddressClass::multicast);
  EXPECT_EQ(class_of("2001:db8::1"), AddressClass::documentation);
  EXPECT_EQ(class_of("2001::1"), AddressClass::reserved);  // Teredo
  EXPECT_EQ(class_of("100::1"), AddressClass::reserved);
  EXPECT_EQ(class_of("4000::1"), AddressClass::reserved);
  // IPv4 inside IPv6 is judged as the IPv4 address.
  EXPECT_EQ(class_of("::ffff:127.0.0.1"), AddressClass::loopback);
  EXPECT_EQ(class_of("::ffff:7f00:1"), AddressClass::loopback);
  EXPECT_EQ(class_of("::ffff:169.254.169.254"), AddressClass::link_local);
  EXPECT_EQ(class_of("::ffff:10.0.0.1"), AddressClass::private_use);
  EXPECT_EQ(class_of("::ffff:8.8.8.8"), AddressClass::global);
  EXPECT_EQ(class_of("::127.0.0.1"), AddressClass::loopback);
  EXPECT_EQ(class_of("::ffff:0.0.0.0"), AddressClass::unspecified);
  EXPECT_EQ(class_of("64:ff9b::192.168.0.1"), AddressClass::private_use);
  EXPECT_EQ(class_of("64:ff9b::8.8.4.4"), AddressClass::global);
  EXPECT_EQ(class_of("2002:7f00:1::"), AddressClass::loopback);
  EXPECT_EQ(class_of("2002:a9fe:a9fe::1"), AddressClass::link_local);
  EXPECT_EQ(class_of("2002:0808:0808::1"), AddressClass::global);
  EXPECT_EQ(class_of("2606:4700:4700::1111"), AddressClass::global);
  EXPECT_EQ(class_of("2a00:1450:4009:81f::200e"), AddressClass::global);
}

TEST(WebhookAddresses, RefusalNamesTheKind) {
  EXPECT_FALSE(refuse_webhook_address("8.8.8.8"));
  EXPECT_EQ(refuse_webhook_address("127.0.0.1").value_or(""), "is a loopback address");
  EXPECT_EQ(refuse_webhook_address("169.254.169.254").value_or(""), "is a link-local address");
  EXPECT_EQ(refuse_webhook_address("not-an-address").value_or(""), "is not an IP address");
}

TEST(WebhookUrls, HttpsWithAHostOnly) {
  WebhookUrl u;
  ASSERT_FALSE(parse_webhook_url("https://Hooks.Example.org/in?x=1", false, u));
  EXPECT_EQ(u.scheme, "https");
  EXPECT_EQ(u.host, "hooks.example.org");
  EXPECT_EQ(u.port, 443);
  EXPECT_FALSE(u.host_is_address);
  ASSERT_FALSE(parse_webhook_url("https://[2001:db8::1]:8443/x", false, u));
  EXPECT_EQ(u.host, "2001:db8::1");
  EXPECT_EQ(u.port, 8443);
  EXPECT_TRUE(u.host_is_address);
  ASSERT_FALSE(parse_webhook_url("http://127.0.0.1:5000", true, u));
  EXPECT_EQ(u.port, 5000);
  EXPECT_TRUE(u.host_is_address);
  EXPECT_EQ(parse_webhook_url("http://example.org/", false, u).value_or(""), "must use https");
  for (const char* bad :
       {"", "example.org", "ftp://example.org/", "https://", "https:///x", "https://user@example.org/",
        "https://a:b@example.org/", "https://example.org:0/", "https://example.org:65536/", "https://example.org:/",
        "https://example.org:8x/", "https://exa mple.org/", "https://example.org/#frag", "https://[::1/",
        "https://[example.org]/", "https://ex_ample.org/", "https://example.org/\xc3\xa9", "javascript:alert(1)"})
    EXPECT_TRUE(parse_webhook_url(bad, true, u).has_value()) << bad;
  std::string longest = "https://example.org/" + std::string(kMaxWebhookUrlLength - 20, 'a');
  EXPECT_FALSE(parse_webhook_url(longest, false, u));
  EXPECT_TRUE(parse_webhook_url(longest + "a", false, u));
}

TEST(WebhookEvents, TheKnownEventsOnly) {
  EXPECT_TRUE(is_webhook_event("case.created"));
  EXPECT_TRUE(is_webhook_event("case.status_changed"));
  EXPECT_TRUE(is_webhook_event("appointment.scheduled"));
  EXPECT_TRUE(is_webhook_event("document.processed"));
  EXPECT_FALSE(is_webhook_event("webhook.ping"));
  EXPECT_FALSE(is_webhook_event("Case.Created"));
  EXPECT_FALSE(is_webhook_event(""));
}

TEST(WebhookSignature, CoversIdTimestampAndBody) {
  EXPECT_EQ(webhook_signed_content("d1", 1700000000, R"({"a":1})"), R"(d1.1700000000.{"a":1})");
}

}  // namespace
}  // namespace cma::domain
