#include "http/cases/json.hpp"

namespace cma::http {

void Json<app::Case>::write_fields(JsonWriter& w, const app::Case& c) {
  std::string client_name;
  client_name.reserve(c.client_first_name.size() + 1 + c.client_last_name.size());
  client_name.append(c.client_first_name).append(" ").append(c.client_last_name);
  w.field("id", c.id)
      .field("centreId", c.centre_id)
      .field("clientId", c.client_id)
      .field("clientName", client_name)
      .field("reference", c.reference)
      .field("status", c.status)
      .field("priority", c.priority)
      .nullable("adviserId", c.adviser_id)
      .field("summary", c.summary)
      .nullable("outcome", c.outcome)
      .nullable("closureReason", c.closure_reason)
      .nullable("complianceOverride", c.compliance_override)
      .nullable("nextReviewDate", c.next_review_date)
      .field("assets", c.assets)
      .field("vehicleValue", c.vehicle_value)
      .field("vehicleAdapted", c.vehicle_adapted)
      .field("homeowner", c.homeowner)
      .field("connectedToEnglandOrWales", c.connected_to_england_or_wales)
      .field("droInLastSixYears", c.dro_in_last_six_years)
      .field("bankruptInLastFiveYears", c.bankrupt_in_last_five_years)
      .field("breathingSpaceInLastYear", c.breathing_space_in_last_year)
      .field("mentalHealthCrisis", c.mental_health_crisis)
      .field("openedAt", c.opened_at)
      .nullable("closedAt", c.closed_at)
      .field("createdAt", c.created_at)
      .field("updatedAt", c.updated_at);
}

void Json<app::Case>::write(JsonWriter& w, const app::Case& c) {
  w.begin_object();
  write_fields(w, c);
  w.end_object();
}

void Json<app::CaseDetail>::write(JsonWriter& w, const app::CaseDetail& d) {
  const auto& f = d.figures;
  w.begin_object();
  Json<app::Case>::write_fields(w, d.c);
  w.key("figures")
      .begin_object()
      .field("totalDebt", f.total_debt.in_pence())
      .field("priorityDebt", f.priority_debt.in_pence())
      .field("priorityArrears", f.priority_arrears.in_pence())
      .field("nonPriorityDebt", f.non_priority_debt.in_pence())
      .field("debts", f.debts)
      .key("monthlySurplus");
  if (f.monthly_surplus)
    w.value(f.monthly_surplus->in_pence());
  else
    w.null();
  w.end_object().key("allowedTransitions").begin_array();
  for (const auto& t : d.allowed_transitions) w.value(t);
  w.end_array().end_object();
}

}  // namespace cma::http
