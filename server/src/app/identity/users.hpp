#pragma once
// User accounts: admins manage any centre's; managers their own centre's (never admins).
#include <optional>
#include <string>

#include "app/context.hpp"
#include "app/identity/records.hpp"
#include "domain/result.hpp"

namespace cma::app {

struct UserInput {  // absent fields are left as they are on update
  std::optional<std::string> centre_id, email, first_name, last_name, role, password;
  std::vector<FieldError> shape_errors;  // found while reading the request (unknown field, wrong type)
};

Result<User> create_user(const Deps& deps, const Actor& actor, const UserInput& in);
Result<Page<User>> list_users(const Deps& deps, const Actor& actor, const std::string& centre_filter,
                              const PageRequest& page);
Result<User> get_user(const Deps& deps, const Actor& actor, const std::string& id);
Result<User> update_user(const Deps& deps, const Actor& actor, const std::string& id, const UserInput& in);
Result<User> deactivate_user(const Deps& deps, const Actor& actor, const std::string& id);
Result<User> reactivate_user(const Deps& deps, const Actor& actor, const std::string& id);

}  // namespace cma::app
