// STORAGE_URL and its companions: what parses, and the one line a bad value produces.
#include <gtest/gtest.h>

#include "platform/config.hpp"

namespace cma::platform {

namespace {

std::optional<ConfigError> load(const std::map<std::string, std::string>& vars, Config& c) {
  EnvLookup env = [&vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
  return load_config(env, {}, false, c);
}

}  // namespace

TEST(StorageConfig, DefaultsToFilesUnderTheDataDirectory) {
  Config c;
  ASSERT_FALSE(load({{"DATA_DIR", "/srv/cma"}}, c));
  EXPECT_EQ(c.storage.kind, StorageSettings::Kind::file);
  EXPECT_EQ(c.storage.path, "/srv/cma/blobs");
}

TEST(StorageConfig, FileUrl) {
  Config c;
  ASSERT_FALSE(load({{"STORAGE_URL", "file:///var/lib/cma/blobs"}}, c));
  EXPECT_EQ(c.storage.kind, StorageSettings::Kind::file);
  EXPECT_EQ(c.storage.path, "/var/lib/cma/blobs");
}

TEST(StorageConfig, S3UrlWithEverything) {
  Config c;
  ASSERT_FALSE(
      load({{"STORAGE_URL",
             "s3://cma-docs?region=eu-west-2&endpoint=http%3A%2F%2F127.0.0.1%3A9000&path_style=true&part_size_mb=5"
             "&multipart_threshold_mb=6"},
            {"STORAGE_SSE", "aws:kms"},
            {"STORAGE_KMS_KEY_ID", "alias/cma-documents"}},
           c));
  EXPECT_EQ(c.storage.kind, StorageSettings::Kind::s3);
  EXPECT_EQ(c.storage.bucket, "cma-docs");
  EXPECT_EQ(c.storage.region, "eu-west-2");
  EXPECT_EQ(c.storage.endpoint, "http://127.0.0.1:9000");
  EXPECT_TRUE(c.storage.path_style);
  EXPECT_EQ(c.storage.part_size, 5ULL << 20);
  EXPECT_EQ(c.storage.multipart_threshold, 6ULL << 20);
  EXPECT_EQ(c.storage.sse, "aws:kms");
  EXPECT_EQ(c.storage.kms_key_id, "alias/cma-documents");

  Config plain;
  ASSERT_FALSE(load({{"STORAGE_URL", "s3://cma-docs?region=eu-west-2"}, {"STORAGE_SSE", "AES256"}}, plain));
  EXPECT_EQ(plain.storage.endpoint, "");
  EXPECT_FALSE(plain.storage.path_style);
  EXPECT_EQ(plain.storage.sse, "AES256");
}

TEST(StorageConfig, BadValuesNameTheVariable) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"STORAGE_URL", "ftp://x"},
      {"STORAGE_URL", "s3://"},
      {"STORAGE_URL", "s3://Bad_Bucket?region=eu-west-2"},
      {"STORAGE_URL", "s3://cma-docs"},
      {"STORAGE_URL", "s3://cma-docs?region=EU WEST"},
      {"STORAGE_URL", "s3://cma-docs?region=eu-west-2&endpoint=127.0.0.1:9000"},
      {"STORAGE_URL", "s3://cma-docs?region=eu-west-2&endpoint=http://h/path"},
      {"STORAGE_URL", "s3://cma-docs?region=eu-west-2&path_style=maybe"},
      {"STORAGE_URL", "s3://cma-docs?region=eu-west-2&part_size_mb=4"},
      {"STORAGE_URL", "s3://cma-docs?region=eu-west-2&colour=blue"},
      {"STORAGE_URL", "s3://cma.docs?region=eu-west-2"},
      {"STORAGE_URL", "s3://cma-docs?region=eu-west-2&endpoint=%zz"},
      {"STORAGE_URL", "file://"},
      {"STORAGE_SSE", "aws:kms:dsse"},
  };
  for (const auto& [name, value] : bad) {
    Config c;
    auto e = load({{name, value}}, c);
    ASSERT_TRUE(e) << value;
    EXPECT_EQ(e->variable, name) << value;
    EXPECT_FALSE(e->message.empty());
  }
  Config c;
  auto e = load({{"STORAGE_URL", "s3://cma-docs?region=eu-west-2"}, {"STORAGE_KMS_KEY_ID", "k"}}, c);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->variable, "STORAGE_KMS_KEY_ID");
  e = load({{"STORAGE_SSE", "AES256"}}, c);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->variable, "STORAGE_SSE");
}

}  // namespace cma::platform
