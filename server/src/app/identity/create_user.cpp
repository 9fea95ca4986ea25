#include "app/authorization.hpp"
#include "app/identity/ports.hpp"
#include "app/identity/user_rules.hpp"
#include "app/identity/users.hpp"
#include "app/lookup.hpp"
#include "domain/identity/validation.hpp"
#include "platform/crypto.hpp"

namespace cma::app {

using user_rules::diff;
using user_rules::kEmailTaken;
using user_rules::validate;

Result<User> create_user(const Deps& deps, const Actor& actor, const UserInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::users_create))
    return refuse(deps, actor, *refused, "user.create", "user");
  std::vector<FieldError> errors;
  validate(in, true, errors);
  std::string centre_id = in.centre_id.value_or(
      domain::is_network_wide(actor.principal.role()) ? std::string() : actor.principal.centre_id());
  if (centre_id.empty()) errors.push_back({"centreId", "is required"});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto role = *domain::parse_role(*in.role);
  if (auto refused = authorize_managing(actor.principal, role))
    return refuse(deps, actor, *refused, "user.create", "user");

  User u;
  u.centre_id = centre_id;
  u.email = domain::normalize_email(*in.email);
  u.first_name = domain::trim(*in.first_name);
  u.last_name = domain::trim(*in.last_name);
  u.role = role;
  u.password_hash = platform::password_hash(*in.password);  // slow: before the transaction opens
  u.id = deps.ids.next();
  u.created_at = u.updated_at = platform::format_time(deps.clock.now());

  auto tx = deps.db.begin(TxMode::write);
  auto centre = find_in_scope(tx->get<CentreRepository>(), Tenancy::of(actor.principal), centre_id, "");
  if (!centre) return Error::invalid_field("centreId", "is not a centre you can add users to");
  if (centre->status != kActive) return Error::invalid_field("centreId", "is a deactivated centre");
  if (tx->get<UserRepository>().find_by_email(u.email)) return Error::conflict(kEmailTaken);
  try {
    tx->get<UserRepository>().insert(u);
  } catch (const UniqueViolation&) {
    return Error::conflict(kEmailTaken);
  }
  append_audit(deps, *tx, actor.meta,
               {u.centre_id, actor.principal.user_id(), "user.create", "user", u.id, diff(User{}, u)});
  tx->commit();
  return u;
}

}  // namespace cma::app
