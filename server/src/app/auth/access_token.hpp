#pragma once
// Access tokens: JWT (HS256) carrying sub, centre, role, iat, exp and jti.
#include <chrono>
#include <optional>
#include <string>

#include "domain/identity/role.hpp"
#include "platform/clock.hpp"

namespace cma::app {

struct AccessClaims {
  std::string user_id;
  std::string centre_id;
  domain::Role role = domain::Role::trainee;
  std::int64_t issued_at = 0;
  std::int64_t expires_at = 0;
  std::string token_id;
};

class AccessTokenCodec {
 public:
  AccessTokenCodec(std::string secret, std::chrono::seconds ttl) : secret_(std::move(secret)), ttl_(ttl) {}
  std::string issue(const AccessClaims& claims) const;
  // Checks the header, the signature (constant time) and the expiry.
  std::optional<AccessClaims> verify(std::string_view token, platform::TimePoint now) const;
  std::chrono::seconds ttl() const { return ttl_; }

 private:
  std::string secret_;
  std::chrono::seconds ttl_;
};

}  // namespace cma::app
