#include "app/auth/ports.hpp"
#include "app/authorization.hpp"
#include "app/identity/ports.hpp"
#include "app/identity/user_rules.hpp"
#include "app/identity/users.hpp"
#include "app/lookup.hpp"

namespace cma::app {

using user_rules::diff;
using user_rules::kNoSuchUser;

namespace {

Result<User> set_status(const Deps& deps, const Actor& actor, const std::string& id, const char* status,
                        const char* action) {
  if (auto refused = authorize(actor.principal, domain::Permission::users_deactivate))
    return refuse(deps, actor, *refused, action, "user", id);
  auto tx = deps.db.begin(TxMode::write);
  auto before = find_in_scope(tx->get<UserRepository>(), Tenancy::of(actor.principal), id, kNoSuchUser);
  if (!before) return before.error();
  if (auto refused = authorize_managing(actor.principal, before->role)) {
    auto denied = refuse(deps, *tx, actor, *refused, action, "user", id);
    tx->commit();  // holds nothing but the refusal
    return denied;
  }
  if (id == actor.principal.user_id()) return Error::precondition("You cannot change the status of your own account.");
  if (before->status == status) return *before;
  User after = *before;
  after.status = status;
  after.updated_at = platform::format_time(deps.clock.now());
  tx->get<UserRepository>().update(after);
  if (after.status == kInactive) tx->get<RefreshTokenRepository>().revoke_all_for_user(id, after.updated_at);
  append_audit(deps, *tx, actor.meta,
               {after.centre_id, actor.principal.user_id(), action, "user", id, diff(*before, after)});
  tx->commit();
  return after;
}

}  // namespace

Result<User> deactivate_user(const Deps& deps, const Actor& actor, const std::string& id) {
  return set_status(deps, actor, id, kInactive, "user.deactivate");
}

Result<User> reactivate_user(const Deps& deps, const Actor& actor, const std::string& id) {
  return set_status(deps, actor, id, kActive, "user.reactivate");
}

}  // namespace cma::app
