#pragma once
// The auth module's storage: refresh tokens and sign-in throttle counters.
#include <optional>
#include <string>

#include "app/auth/records.hpp"
#include "domain/identity/login_throttle.hpp"

namespace cma::app {

class RefreshTokenRepository {
 public:
  virtual ~RefreshTokenRepository() = default;
  virtual void insert(const RefreshToken& t) = 0;
  virtual std::optional<RefreshToken> find_by_hash(const std::string& token_hash) = 0;
  // Marks the token used unless it already was; false means someone used it first.
  virtual bool mark_used(const std::string& id, const std::string& at) = 0;
  virtual void revoke_family(const std::string& family_id, const std::string& at) = 0;
  virtual void revoke_all_for_user(const std::string& user_id, const std::string& at) = 0;
};

class LoginThrottleRepository {
 public:
  virtual ~LoginThrottleRepository() = default;
  // The counter for `key` (zero when there is none yet), locked against concurrent sign-in
  // attempts until the transaction ends. Callers lock several keys in sorted order.
  virtual domain::ThrottleCounter lock(const std::string& key) = 0;
  virtual void save(const std::string& key, const domain::ThrottleCounter& counter, const std::string& now) = 0;
  // Forgets counters last changed before `before`.
  virtual void prune_before(const std::string& before) = 0;
};

}  // namespace cma::app
