#pragma once
// Who is asking, and which centres a query may touch. A scope can only be had from a principal,
// and every repository method over a tenant table takes one: a query without a centre does not
// compile. scripts/check_tenant_queries.py checks the SQL side (each tenant query names its centre
// column, or is on an allow-list with its reason).
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "domain/identity/role.hpp"

namespace cma::app {

struct User;

// The signed-in user as resolved for this request (from the database, not just the token), or the
// operator running a command on the machine itself.
class Principal {
 public:
  static Principal signed_in(const User& user);
  // Operator commands (`cma user create`, `cma seed-demo`): network-wide, audited as the system.
  static Principal operator_command();

  const std::string& user_id() const { return user_id_; }
  const std::string& centre_id() const { return centre_id_; }
  domain::Role role() const { return role_; }

 private:
  Principal(std::string user_id, std::string centre_id, domain::Role role)
      : user_id_(std::move(user_id)), centre_id_(std::move(centre_id)), role_(role) {}
  std::string user_id_;
  std::string centre_id_;
  domain::Role role_;
};

// Exactly one centre.
class CentreScope {
 public:
  const std::string& centre_id() const { return centre_id_; }

 private:
  explicit CentreScope(std::string id) : centre_id_(std::move(id)) {}
  std::string centre_id_;
  friend class Tenancy;
};

// Every centre: only for network-wide roles, and for the lookups that establish who someone is.
class NetworkScope {
 private:
  NetworkScope() = default;
  friend class Tenancy;
};

// What a list or lookup may see: one centre, or (network-wide roles) all of them.
using Scope = std::variant<CentreScope, NetworkScope>;

// The centre a scope is limited to; nullopt for the network scope.
inline const std::string* centre_of(const Scope& s) {
  if (const auto* c = std::get_if<CentreScope>(&s)) return &c->centre_id();
  return nullptr;
}

// The only way to obtain a scope.
class Tenancy {
 public:
  // A principal's reach: its own centre, or every centre for a network-wide role.
  static Scope of(const Principal& p);
  // The principal's own centre, whatever its role (e.g. its own account).
  static CentreScope own_centre(const Principal& p);
  // One centre within the principal's reach; nullopt when it is outside it (answer 404).
  static std::optional<CentreScope> centre_within(const Principal& p, const std::string& centre_id);
  // Narrows a scope to one centre if the scope reaches it.
  static std::optional<CentreScope> centre_within(const Scope& s, const std::string& centre_id);
  // Before anyone is signed in: sign-in, refresh and token checks find the account by its own key.
  static NetworkScope for_authentication() { return NetworkScope{}; }
};

}  // namespace cma::app
