#pragma once
// Whether someone can be given work at a centre (an assignee, an adviser): an active user of that
// centre. Shared by the modules that name staff in their records.
#include <string>

#include "app/tenancy.hpp"
#include "app/unit_of_work.hpp"

namespace cma::app {

// "" when `user_id` names an active user of the scope's centre; otherwise the reason, worded for a
// field error ("is not a user of <whose> centre", "is a deactivated user").
std::string check_staff_member(Transaction& tx, const CentreScope& centre, const std::string& user_id,
                               const std::string& whose);

}  // namespace cma::app
