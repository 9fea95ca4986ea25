#pragma once
// Cases: every role of a centre opens and works its own centre's cases; admins any centre's.
// Assigning an adviser needs cases_assign (not trainees); finishing a case (closed, referred,
// cancelled) needs cases_finish; reopening a finished case also needs a manager
// (domain/cases/case_status.hpp).
#include <optional>
#include <string>
#include <vector>

#include "app/cases/records.hpp"
#include "app/context.hpp"
#include "app/paging.hpp"
#include "domain/money/money.hpp"
#include "domain/result.hpp"

namespace cma::app {

struct CaseInput {  // absent fields are left as they are on update
  std::optional<std::string> client_id, adviser_id, priority, summary, next_review_date;
  std::optional<long long> assets, vehicle_value;
  std::optional<bool> vehicle_adapted, homeowner, connected_to_england_or_wales, dro_in_last_six_years,
      bankrupt_in_last_five_years, breathing_space_in_last_year, mental_health_crisis;
  std::vector<FieldError> shape_errors;
};

struct TransitionInput {
  // compliance_override_reason: closing with an incomplete compliance checklist (managers only).
  std::optional<std::string> to, outcome, closure_reason, reason, compliance_override_reason;
  std::vector<FieldError> shape_errors;
};

// What the case page shows beside the case itself, computed from its debts and current budget.
struct CaseFigures {
  domain::Money total_debt;
  domain::Money priority_debt;
  domain::Money priority_arrears;
  domain::Money non_priority_debt;
  int debts = 0;
  std::optional<domain::Money> monthly_surplus;  // nullopt until a budget exists
};

struct CaseDetail {
  Case c;
  CaseFigures figures;
  std::vector<std::string> allowed_transitions;
};

Result<Case> open_case(const Deps& deps, const Actor& actor, const CaseInput& in);
Result<CaseDetail> get_case(const Deps& deps, const Actor& actor, const std::string& id);
Result<Case> update_case(const Deps& deps, const Actor& actor, const std::string& id, const CaseInput& in);
Result<Case> transition_case(const Deps& deps, const Actor& actor, const std::string& id, const TransitionInput& in);
Result<Page<Case>> list_cases(const Deps& deps, const Actor& actor, CaseQuery query, const KeysetRequest& page);

// The list names used in cursors, one per sort.
std::string_view case_list_name(CaseSort sort);
std::optional<CaseSort> parse_case_sort(std::string_view text);

inline constexpr const char* kNoSuchCase = "No such case.";

}  // namespace cma::app
