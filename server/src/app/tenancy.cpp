#include "app/tenancy.hpp"

#include "app/identity/records.hpp"

namespace cma::app {

Principal Principal::signed_in(const User& user) {
  return Principal(user.id, user.centre_id, user.role);
}

Principal Principal::operator_command() {
  return Principal("", "", domain::Role::admin);
}

Scope Tenancy::of(const Principal& p) {
  if (domain::is_network_wide(p.role())) return NetworkScope{};
  return CentreScope(p.centre_id());
}

CentreScope Tenancy::own_centre(const Principal& p) {
  return CentreScope(p.centre_id());
}

std::optional<CentreScope> Tenancy::centre_within(const Principal& p, const std::string& centre_id) {
  return centre_within(of(p), centre_id);
}

std::optional<CentreScope> Tenancy::centre_within(const Scope& s, const std::string& centre_id) {
  if (centre_id.empty()) return std::nullopt;
  if (const auto* own = centre_of(s); own != nullptr && *own != centre_id) return std::nullopt;
  return CentreScope(centre_id);
}

}  // namespace cma::app
