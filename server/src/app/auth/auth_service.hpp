#pragma once
// Signing in and out, token rotation, and resolving a bearer token to a principal.
#include <chrono>
#include <string>

#include "app/auth/access_token.hpp"
#include "app/auth/records.hpp"
#include "app/context.hpp"
#include "app/identity/records.hpp"
#include "domain/identity/login_throttle.hpp"
#include "domain/result.hpp"

namespace cma::app {

struct SignIn {
  std::string access_token;
  std::int64_t expires_in = 0;  // seconds
  std::string refresh_token;
  std::int64_t refresh_expires_in = 0;
  User user;
};

struct SessionPolicy {
  std::chrono::seconds refresh_ttl{14 * 24 * 3600};   // a refresh token unused this long ends its session
  std::chrono::seconds max_lifetime{30 * 24 * 3600};  // no session outlives this, however often it refreshes
};

class AuthService {
 public:
  AuthService(Deps deps, AccessTokenCodec codec, SessionPolicy sessions, domain::LoginThrottlePolicy throttle = {})
      : deps_(deps), codec_(std::move(codec)), sessions_(sessions), throttle_(throttle) {}

  Result<SignIn> login(const RequestMeta& meta, const std::string& email, const std::string& password);
  // Rotates: the presented token is spent and a new one of the same family returned. A token that
  // was already spent revokes its whole family (someone else has a copy).
  Result<SignIn> refresh(const RequestMeta& meta, const std::string& refresh_token);
  Status logout(const RequestMeta& meta, const std::string& refresh_token);
  // Verifies the access token and loads the user as stored now: a deactivated user (or a user of a
  // deactivated centre) stops here at once, and a changed role applies at once.
  Result<User> authenticate(std::string_view access_token);
  Status change_password(const Actor& actor, const std::string& current_password, const std::string& new_password);

 private:
  // A new refresh token: of a new family when `previous` is null, else of `previous`'s family.
  std::string issue_refresh_token(Transaction& tx, const User& user, const RefreshToken* previous,
                                  std::int64_t& expires_in);
  SignIn make_sign_in(const User& user, std::string refresh_token, std::int64_t refresh_expires_in);

  Deps deps_;
  AccessTokenCodec codec_;
  SessionPolicy sessions_;
  domain::LoginThrottlePolicy throttle_;
};

}  // namespace cma::app
