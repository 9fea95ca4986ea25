#pragma once
// Shared by the client use cases: applying a request's fields to a record, and the audit diff.
#include <string>
#include <vector>

#include "app/audit/audit_log.hpp"
#include "app/clients/clients.hpp"

namespace cma::app::client_rules {

// Checks every field present in `in` and writes it into `c`; missing required fields are errors
// when `creating`. Consent times are set to `now` when consent is given and cleared when withdrawn.
void apply(const ClientInput& in, bool creating, const std::string& now, Client& c, std::vector<FieldError>& errors);

ChangeSet diff(const Client& before, const Client& after);

}  // namespace cma::app::client_rules
