#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/identity/ports.hpp"
#include "app/identity/users.hpp"
#include "app/paging.hpp"

namespace cma::app {

Result<Page<User>> list_users(const Deps& deps, const Actor& actor, const std::string& centre_filter,
                              const PageRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::users_read))
    return refuse(deps, actor, *refused, "user.list", "user");
  Scope scope = Tenancy::of(actor.principal);
  if (!centre_filter.empty()) {
    auto centre = Tenancy::centre_within(scope, centre_filter);
    if (!centre) return Page<User>{};  // nothing of theirs there
    scope = *centre;
  }
  auto tx = deps.db.begin(TxMode::read);
  auto rows = tx->get<UserRepository>().list(scope, page.after_id, page.limit + 1);
  return make_page(std::move(rows), page.limit, [](const User& u) { return u.id; });
}

}  // namespace cma::app
