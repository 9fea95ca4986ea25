#pragma once
// Deciding whether a principal may do something. Pure: it reads the role and nothing else, and
// knows nothing of auditing. A use case that is refused records the refusal through the audit
// module (refuse() in app/audit/audit_log.hpp) and returns the error given here.
#include <optional>

#include "app/tenancy.hpp"
#include "domain/identity/role.hpp"
#include "domain/result.hpp"

namespace cma::app {

// nullopt when the principal's role grants `permission`; otherwise the permission_denied error.
std::optional<Error> authorize(const Principal& principal, domain::Permission permission);

// nullopt when the principal may create, change or deactivate an account with the `target` role.
std::optional<Error> authorize_managing(const Principal& principal, domain::Role target);

}  // namespace cma::app
