// Object keys: built only from ids, and a key from anywhere is accepted only inside the caller's
// centre, whatever it is made of.
#include <gtest/gtest.h>

#include <string>

#include "app/blobs/blob_store.hpp"

using namespace std::string_literals;

namespace cma::app {

namespace {
const std::string kCentre = "0190f5a2-0000-7000-8000-000000000001";
const std::string kOther = "0190f5a2-0000-7000-8000-000000000002";
const std::string kDoc = "0190f5a2-0000-7000-8000-0000000000d1";
const std::string kKey = "centres/" + kCentre + "/documents/" + kDoc + "/v3";
}  // namespace

TEST(BlobKeys, BuiltFromIds) {
  auto k = document_blob_key(kCentre, kDoc, 3);
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k->str(), kKey);
  EXPECT_EQ(k->centre_id(), kCentre);
  EXPECT_EQ(document_blob_key(kCentre, kDoc, 1000000)->str(),
            "centres/" + kCentre + "/documents/" + kDoc + "/v1000000");
}

TEST(BlobKeys, BuildingRefusesAnythingButIds) {
  for (const std::string& bad : {std::string(""), std::string(".."), std::string("../") + kCentre,
                                 std::string("0190F5A2-0000-7000-8000-000000000001"), kCentre + "/x",
                                 kCentre.substr(0, 35) + "/", kCentre.substr(0, 35) + std::string(1, '\0')}) {
    EXPECT_EQ(document_blob_key(bad, kDoc, 1).error().code, ErrorCode::invalid_argument) << bad;
    EXPECT_EQ(document_blob_key(kCentre, bad, 1).error().code, ErrorCode::invalid_argument) << bad;
  }
  EXPECT_FALSE(document_blob_key(kCentre, kDoc, 0).ok());
  EXPECT_FALSE(document_blob_key(kCentre, kDoc, -1).ok());
  EXPECT_FALSE(document_blob_key(kCentre, kDoc, 1000001).ok());
}

TEST(BlobKeys, CheckedAcceptsOnlyTheCallersDocumentKeys) {
  auto ok = checked_blob_key(kCentre, kKey);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->str(), kKey);
  EXPECT_EQ(checked_blob_key(kOther, kKey).error().code, ErrorCode::not_found);
}

TEST(BlobKeys, CheckedRefusesHostileKeys) {
  const std::string prefix = "centres/" + kCentre + "/documents/";
  const std::string other = "centres/" + kOther + "/documents/" + kDoc + "/v1";
  const std::vector<std::string> hostile = {
      "",
      "/",
      "/" + kKey,
      kKey + "/",
      kKey + "/..",
      kKey + "x",
      kKey + "\0"s,
      kKey + "%00",
      kKey + "\n",
      " " + kKey,
      "./" + kKey,
      "/etc/passwd",
      "../../etc/passwd",
      prefix + "../../" + kOther + "/documents/" + kDoc + "/v1",
      prefix + "..%2f..%2f" + kOther + "/documents/" + kDoc + "/v1",
      prefix + "%2e%2e/%2e%2e/" + kOther,
      prefix + ".." + std::string(34, 'a') + "/v1",
      prefix + kDoc + "/v0",
      prefix + kDoc + "/v01",
      prefix + kDoc + "/v-1",
      prefix + kDoc + "/v1e3",
      prefix + kDoc + "/v%31",
      prefix + kDoc + "/V1",
      prefix + kDoc + "//v1",
      prefix + "/" + kDoc + "/v1",
      prefix + kDoc.substr(0, 35) + "\xc0" + "/v1",
      prefix + kDoc.substr(0, 34) + "\xe2\x80" + "/v1",
      prefix + kDoc.substr(0, 35) + "\xff" + "/v1",
      "centres/" + kCentre + "/../" + kOther + "/documents/" + kDoc + "/v1",
      "centres/" + kCentre + "/documents/../../" + kOther + "/documents/" + kDoc + "/v1",
      "centres%2f" + kCentre + "%2fdocuments%2f" + kDoc + "%2fv1",
      "CENTRES/" + kCentre + "/documents/" + kDoc + "/v1",
      "centres\\" + kCentre + "\\documents\\" + kDoc + "\\v1",
      "centres/" + kCentre + "\0/"s + other,
      other,
      "centres/" + kCentre,
      "centres/" + kCentre + "/",
      "centres/" + kCentre + "/documents/",
      prefix + kDoc,
      prefix + kDoc + "/v",
      prefix + kDoc + "/v1?x=1",
      prefix + kDoc + "/v1#x",
      prefix + kDoc + "/v99999999",
  };
  for (const auto& k : hostile) {
    auto r = checked_blob_key(kCentre, k);
    EXPECT_FALSE(r.ok()) << "accepted: " << k;
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, ErrorCode::not_found);
    }
  }
}

TEST(BlobKeys, CheckedRefusesABadCentreWhateverTheKey) {
  for (const std::string& centre : {std::string(""), std::string(".."), std::string("centres"), kCentre + "/",
                                    kCentre.substr(0, 35), std::string("0190F5A2-0000-7000-8000-000000000001")}) {
    EXPECT_FALSE(checked_blob_key(centre, kKey).ok()) << centre;
    EXPECT_FALSE(checked_blob_key(centre, "centres/" + centre + "/documents/" + kDoc + "/v1").ok()) << centre;
  }
}

}  // namespace cma::app
