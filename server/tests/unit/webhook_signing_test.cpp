// A delivery's signature against a vector computed independently:
//   printf '%s' 'msg_1.1700000000.{"type":"case.created"}' |
//     openssl dgst -sha256 -hmac 'whsec_test' -hex
#include <gtest/gtest.h>

#include "app/webhooks/webhooks.hpp"

namespace cma::app {
namespace {

TEST(WebhookSigning, MatchesAKnownVector) {
  EXPECT_EQ(webhook_signature("whsec_test", "msg_1", 1700000000, R"({"type":"case.created"})"),
            "v1=f89ccb3fef60d24e598c13030202e8957076f0ae817bfa0d10e32bab4bfb0ebe");
}

TEST(WebhookSigning, ChangesWithEachPart) {
  auto base = webhook_signature("whsec_test", "msg_1", 1700000000, R"({"type":"case.created"})");
  EXPECT_NE(webhook_signature("whsec_tesT", "msg_1", 1700000000, R"({"type":"case.created"})"), base);
  EXPECT_NE(webhook_signature("whsec_test", "msg_2", 1700000000, R"({"type":"case.created"})"), base);
  EXPECT_NE(webhook_signature("whsec_test", "msg_1", 1700000001, R"({"type":"case.created"})"), base);
  EXPECT_NE(webhook_signature("whsec_test", "msg_1", 1700000000, R"({"type":"case.created" })"), base);
}

}  // namespace
}  // namespace cma::app
