#pragma once
// A case's compliance checklist (domain/compliance/checklist.hpp): read it, tick or untick the items
// an adviser vouches for, each tick with a note of the case as evidence. Derived items follow the
// case's data and cannot be ticked. Reading needs cases_read, ticking cases_write and a case that is
// not finished. Closing a case needs a compliant checklist, or a manager's override with a reason
// (app/cases/transition_case.cpp).
#include <optional>
#include <string>
#include <vector>

#include "app/cases/records.hpp"
#include "app/compliance/records.hpp"
#include "app/context.hpp"
#include "app/tenancy.hpp"
#include "app/unit_of_work.hpp"
#include "domain/result.hpp"

namespace cma::app {

struct ComplianceTickInput {
  std::optional<std::string> item, evidence_note_id;
  std::optional<bool> ticked;  // absent: true
  std::vector<FieldError> shape_errors;
};

Result<CaseCompliance> get_compliance(const Deps& deps, const Actor& actor, const std::string& case_id);
Result<CaseCompliance> tick_compliance(const Deps& deps, const Actor& actor, const std::string& case_id,
                                       const ComplianceTickInput& in);

// The checklist of `c` as of now, inside the caller's transaction.
CaseCompliance evaluate_case_compliance(const Deps& deps, Transaction& tx, const CentreScope& scope, const Case& c);

}  // namespace cma::app
