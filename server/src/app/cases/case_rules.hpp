#pragma once
// Shared by the case use cases: applying a request's fields, the adviser check, the audit diff.
#include <string>
#include <vector>

#include "app/audit/audit_log.hpp"
#include "app/cases/cases.hpp"
#include "app/unit_of_work.hpp"

namespace cma::app::case_rules {

// Checks and applies the editable fields (not the client, the adviser or the status).
void apply(const CaseInput& in, const std::string& today, Case& c, std::vector<FieldError>& errors);

// "" when `adviser_id` is an active user of the case's centre; otherwise the message for adviserId.
std::string check_adviser(Transaction& tx, const CentreScope& centre, const std::string& adviser_id);

ChangeSet diff(const Case& before, const Case& after);

const std::vector<std::string_view>& case_priorities();

}  // namespace cma::app::case_rules
