#pragma once
// What the user use cases share (internal to the identity module): the answers they give, input
// validation and the audit diff of an account.
#include <vector>

#include "app/audit/audit_log.hpp"
#include "app/identity/users.hpp"

namespace cma::app::user_rules {

inline constexpr const char* kNoSuchUser = "No such user.";
inline constexpr const char* kEmailTaken = "That e-mail address is already used by another account.";

// Appends what is wrong with `in`; when `creating`, absent required fields are errors too.
void validate(const UserInput& in, bool creating, std::vector<FieldError>& errors);

// The audit change set from `before` to `after` (an empty `before` id means a new account); the
// password hash is never recorded, only that it changed.
ChangeSet diff(const User& before, const User& after);

}  // namespace cma::app::user_rules
