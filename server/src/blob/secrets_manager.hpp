#pragma once
// AWS Secrets Manager's GetSecretValue over HTTPS with Signature V4, for the database password
// (DATABASE_PASSWORD_SECRET_ARN): an RDS-managed master secret is JSON with a "password" member;
// any other secret is the password itself. Read when a connection is first opened and again when
// the database refuses the password it has (after a rotation), so running tasks carry on.
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "blob/credentials.hpp"
#include "domain/result.hpp"

namespace cma::blob {

// The password in a SecretString: its "password" member when it is a JSON object, else all of it.
std::optional<std::string> password_of_secret(const std::string& secret_string);

class SecretsManagerPassword {
 public:
  // `endpoint` "" for https://secretsmanager.<region>.amazonaws.com (AWS_ENDPOINT_URL_SECRETS_MANAGER
  // otherwise, e.g. a local stand-in).
  SecretsManagerPassword(std::string secret_arn, std::string region, std::string endpoint,
                         std::unique_ptr<CredentialsProvider> credentials);
  // The password last read, read now when none is held. With `refused` (a password the database
  // just refused) the secret is read again when that is still the one held; many connections
  // refused together read it once, and a secret that still holds the refused password is not read
  // again for `quiet_after_unchanged`.
  Result<std::string> get(const std::string* refused);
  std::size_t reads() const;

 private:
  Result<std::string> read_secret();

  std::string arn_;
  std::string region_;
  std::string endpoint_;
  std::string host_;
  std::unique_ptr<CredentialsProvider> credentials_;
  std::chrono::seconds quiet_after_unchanged_{5};
  mutable std::mutex mu_;
  std::optional<std::string> password_;
  std::chrono::steady_clock::time_point quiet_until_{};
  std::size_t reads_ = 0;
};

}  // namespace cma::blob
