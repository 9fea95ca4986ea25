#pragma once
// The S3 test harness (server/tests/s3/serve.mjs) as a child process: s3rver behind a proxy that
// checks every request's Signature V4 with AWS's own signer, on free 127.0.0.1 ports. Needs node and
// `npm ci` in server/tests/s3 (scripts/test runs it); without them the test that needs it fails
// saying so. Stopped when this object goes (and by itself after 15 minutes whatever happens).
#include <sys/types.h>

#include <memory>
#include <string>

#include "app/blobs/blob_store.hpp"

namespace cma::testing {

class S3Harness {
 public:
  S3Harness();  // throws std::runtime_error saying why not
  ~S3Harness();
  S3Harness(const S3Harness&) = delete;
  S3Harness& operator=(const S3Harness&) = delete;

  int port() const { return port_; }  // the verifying proxy's
  // STORAGE_URL for the bucket behind the proxy.
  const std::string& storage_url() const { return storage_url_; }
  // The S3 adapter on that bucket, with the harness's keys.
  std::unique_ptr<app::BlobStore> store() const;
  // Secrets Manager's GetSecretValue (AWS_ENDPOINT_URL_SECRETS_MANAGER), signed with the same keys:
  // the test sets a secret's value, and learns how many times it was read.
  std::string secrets_endpoint() const { return "http://127.0.0.1:" + std::to_string(secrets_port_); }
  void put_secret(const std::string& arn, const std::string& value) const;
  int secret_reads(const std::string& arn) const;

 private:
  void stop();

  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int port_ = 0;
  int secrets_port_ = 0;
  std::string storage_url_;
};

}  // namespace cma::testing
