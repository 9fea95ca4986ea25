#pragma once
// Where the S3 client's keys come from: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (and
// AWS_SESSION_TOKEN), or the ECS task role's endpoint, whose keys are fetched again before they
// expire. get() is safe to call from any thread.
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "blob/sigv4.hpp"
#include "domain/result.hpp"
#include "platform/config.hpp"

namespace cma::blob {

class CredentialsProvider {
 public:
  virtual ~CredentialsProvider() = default;
  virtual Result<sigv4::Credentials> get() = 0;
  virtual std::string describe() const = 0;  // for the start-up log; never a secret
};

class StaticCredentials final : public CredentialsProvider {
 public:
  explicit StaticCredentials(sigv4::Credentials c) : creds_(std::move(c)) {}
  Result<sigv4::Credentials> get() override { return creds_; }
  std::string describe() const override { return "AWS_ACCESS_KEY_ID"; }

 private:
  sigv4::Credentials creds_;
};

// The container credentials endpoint (ECS task roles): GET url → {AccessKeyId, SecretAccessKey,
// Token, Expiration}. Fetched on first use and again once less than `refresh_before` is left.
class ContainerCredentials final : public CredentialsProvider {
 public:
  ContainerCredentials(std::string url, std::string authorization,
                       std::chrono::seconds refresh_before = std::chrono::minutes(5));
  Result<sigv4::Credentials> get() override;
  std::string describe() const override { return "container credentials endpoint " + url_; }

 private:
  std::string url_;
  std::string authorization_;
  std::chrono::seconds refresh_before_;
  std::mutex mutex_;
  std::optional<sigv4::Credentials> cached_;
  std::chrono::system_clock::time_point expires_{};
};

// Chooses from the environment; nullptr with `error` set when nothing is configured.
std::unique_ptr<CredentialsProvider> credentials_from_env(const platform::EnvLookup& env, std::string& error);

// "2026-11-30T23:40:00Z" (fractions of a second allowed) → a time point.
std::optional<std::chrono::system_clock::time_point> parse_iso8601_utc(const std::string& s);

}  // namespace cma::blob
