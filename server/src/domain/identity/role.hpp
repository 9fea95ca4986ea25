#pragma once
// Roles and the permission matrix. docs/permissions.md is the prose of this table;
// app/ is the only caller, so a handler can never bypass it.
#include <optional>
#include <string_view>

namespace cma::domain {

enum class Role { admin, manager, advisor, trainee };

std::string_view to_string(Role r);
std::optional<Role> parse_role(std::string_view s);

enum class Permission {
  centres_create,
  centres_list_all,
  centres_update,
  centres_deactivate,
  users_read,  // read users of a centre (own centre unless the role is network-wide)
  users_create,
  users_update,
  users_deactivate,
  audit_read,
  self_read,
  self_change_password,
  clients_read,
  clients_write,    // create clients and change their records
  clients_delete,   // soft-delete a client record
  cases_read,       // cases and everything in them: debts, budgets, offers, screening
  cases_write,      // open cases, record debts and budgets, compute offers
  cases_assign,     // give a case to an adviser of the centre
  cases_finish,     // close, refer or cancel a case (reopening also needs a manager: case_status.hpp)
  offers_apply,     // set the offered payments of a case's debts from an offer set
  jobs_manage,      // see the background job queue, retry or cancel a job (network-wide)
  webhooks_manage,  // register a centre's webhooks, see and resend their deliveries
};

bool is_allowed(Role role, Permission permission);

// Network-wide roles act on every centre; the others only on their own.
bool is_network_wide(Role role);

// May `actor` create, change or deactivate an account that has (or will have) `target` role?
// Managers manage managers, advisers and trainees of their own centre; only admins grant admin.
bool may_manage_role(Role actor, Role target);

}  // namespace cma::domain
