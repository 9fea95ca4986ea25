#include "app/identity/staff.hpp"

#include "app/identity/ports.hpp"
#include "platform/ids.hpp"

namespace cma::app {

std::string check_staff_member(Transaction& tx, const CentreScope& centre, const std::string& user_id,
                               const std::string& whose) {
  std::optional<User> user;
  if (platform::is_uuid(user_id)) user = tx.get<UserRepository>().find(Scope(centre), user_id);
  if (!user) return "is not a user of " + whose + " centre";
  if (user->status != kActive) return "is a deactivated user";
  return "";
}

}  // namespace cma::app
