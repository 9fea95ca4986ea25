#include "domain/identity/role.hpp"

namespace cma::domain {

std::string_view to_string(Role r) {
  switch (r) {
    case Role::admin:
      return "admin";
    case Role::manager:
      return "manager";
    case Role::advisor:
      return "advisor";
    case Role::trainee:
      return "trainee";
  }
  return "trainee";
}

std::optional<Role> parse_role(std::string_view s) {
  if (s == "admin") return Role::admin;
  if (s == "manager") return Role::manager;
  if (s == "advisor") return Role::advisor;
  if (s == "trainee") return Role::trainee;
  return std::nullopt;
}

bool is_allowed(Role role, Permission p) {
  switch (p) {
    case Permission::centres_create:
    case Permission::centres_list_all:
    case Permission::centres_update:
    case Permission::centres_deactivate:
    case Permission::jobs_manage:
      return role == Role::admin;
    case Permission::users_read:
    case Permission::users_create:
    case Permission::users_update:
    case Permission::users_deactivate:
    case Permission::audit_read:
    case Permission::webhooks_manage:
      return role == Role::admin || role == Role::manager;
    case Permission::self_read:
    case Permission::self_change_password:
    case Permission::clients_read:
    case Permission::clients_write:
    case Permission::cases_read:
    case Permission::cases_write:
      return true;
    case Permission::clients_delete:
      return role == Role::admin || role == Role::manager;
    case Permission::cases_assign:
    case Permission::cases_finish:
    case Permission::offers_apply:
      return role != Role::trainee;
  }
  return false;
}

bool is_network_wide(Role role) {
  return role == Role::admin;
}

bool may_manage_role(Role actor, Role target) {
  if (actor == Role::admin) return true;
  if (actor == Role::manager) return target != Role::admin;
  return false;
}

}  // namespace cma::domain
