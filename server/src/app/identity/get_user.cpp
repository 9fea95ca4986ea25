#include "app/authorization.hpp"
#include "app/identity/ports.hpp"
#include "app/identity/user_rules.hpp"
#include "app/identity/users.hpp"
#include "app/lookup.hpp"

namespace cma::app {

using user_rules::kNoSuchUser;

Result<User> get_user(const Deps& deps, const Actor& actor, const std::string& id) {
  if (id != actor.principal.user_id()) {
    if (auto refused = authorize(actor.principal, domain::Permission::users_read))
      return refuse(deps, actor, *refused, "user.read", "user", id);
  }
  auto tx = deps.db.begin(TxMode::read);
  return find_in_scope(tx->get<UserRepository>(), Tenancy::of(actor.principal), id, kNoSuchUser);
}

}  // namespace cma::app
