#include "app/cases/case_access.hpp"

#include "domain/cases/case_status.hpp"

namespace cma::app {

Status check_case_open_for_changes(const Case& c) {
  auto status = domain::parse_case_status(c.status);
  if (status && domain::is_final(*status))
    return Error::precondition("The case is " + c.status + "; a manager must reopen it before it can change.");
  return ok_status();
}

}  // namespace cma::app
