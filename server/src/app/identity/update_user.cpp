#include "app/authorization.hpp"
#include "app/identity/ports.hpp"
#include "app/identity/user_rules.hpp"
#include "app/identity/users.hpp"
#include "app/lookup.hpp"
#include "domain/identity/validation.hpp"

namespace cma::app {

using user_rules::diff;
using user_rules::kEmailTaken;
using user_rules::kNoSuchUser;
using user_rules::validate;

Result<User> update_user(const Deps& deps, const Actor& actor, const std::string& id, const UserInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::users_update))
    return refuse(deps, actor, *refused, "user.update", "user", id);
  std::vector<FieldError> errors;
  validate(in, false, errors);
  if (in.password) errors.push_back({"password", "cannot be set here; use POST /api/v1/me/password"});
  if (in.centre_id) errors.push_back({"centreId", "cannot be changed"});
  auto tx = deps.db.begin(TxMode::write);
  auto before = find_in_scope(tx->get<UserRepository>(), Tenancy::of(actor.principal), id, kNoSuchUser);
  if (!before) return before.error();
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto new_role = in.role ? *domain::parse_role(*in.role) : before->role;
  auto refused = authorize_managing(actor.principal, before->role);
  if (!refused) refused = authorize_managing(actor.principal, new_role);
  if (refused) {
    auto denied = refuse(deps, *tx, actor, *refused, "user.update", "user", id);
    tx->commit();  // holds nothing but the refusal
    return denied;
  }
  User after = *before;
  if (in.email) after.email = domain::normalize_email(*in.email);
  if (in.first_name) after.first_name = domain::trim(*in.first_name);
  if (in.last_name) after.last_name = domain::trim(*in.last_name);
  after.role = new_role;
  auto changes = diff(*before, after);
  if (changes.empty()) return after;
  if (after.email != before->email && tx->get<UserRepository>().find_by_email(after.email))
    return Error::conflict(kEmailTaken);
  after.updated_at = platform::format_time(deps.clock.now());
  try {
    tx->get<UserRepository>().update(after);
  } catch (const UniqueViolation&) {
    return Error::conflict(kEmailTaken);
  }
  append_audit(deps, *tx, actor.meta, {after.centre_id, actor.principal.user_id(), "user.update", "user", id, changes});
  tx->commit();
  return after;
}

}  // namespace cma::app
