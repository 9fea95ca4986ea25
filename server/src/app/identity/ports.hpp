#pragma once
// The identity module's storage: centres and user accounts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/identity/records.hpp"

namespace cma::app {

class CentreRepository {
 public:
  virtual ~CentreRepository() = default;
  virtual std::optional<Centre> find(const Scope& scope, const std::string& id) = 0;
  virtual bool code_taken(const std::string& code, const std::string& except_id) = 0;
  virtual void insert(const Centre& c) = 0;
  virtual void update(const Centre& c) = 0;
  virtual std::vector<Centre> list(const Scope& scope, const std::string& after_id, int limit) = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual std::optional<User> find(const Scope& scope, const std::string& id) = 0;
  virtual std::optional<User> find_by_email(const std::string& normalized_email) = 0;
  // The user, only while the account and its centre are both active.
  virtual std::optional<User> find_active(const std::string& id) = 0;
  virtual void insert(const User& u) = 0;
  virtual void update(const User& u) = 0;
  virtual void record_login(const std::string& id, const std::string& at) = 0;
  virtual std::vector<User> list(const Scope& scope, const std::string& after_id, int limit) = 0;
  virtual std::int64_t count() = 0;
};

}  // namespace cma::app
