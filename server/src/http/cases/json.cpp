#include "http/cases/json.hpp"

#include "http/json_fields.hpp"

namespace cma::http {

namespace json = boost::json;

json::object Json<app::Case>::of(const app::Case& c) {
  return json::object{{"id", c.id},
                      {"centreId", c.centre_id},
                      {"clientId", c.client_id},
                      {"clientName", c.client_first_name + " " + c.client_last_name},
                      {"reference", c.reference},
                      {"status", c.status},
                      {"priority", c.priority},
                      {"adviserId", nullable(c.adviser_id)},
                      {"summary", c.summary},
                      {"outcome", nullable(c.outcome)},
                      {"closureReason", nullable(c.closure_reason)},
                      {"nextReviewDate", nullable(c.next_review_date)},
                      {"assets", c.assets},
                      {"vehicleValue", c.vehicle_value},
                      {"vehicleAdapted", c.vehicle_adapted},
                      {"homeowner", c.homeowner},
                      {"connectedToEnglandOrWales", c.connected_to_england_or_wales},
                      {"droInLastSixYears", c.dro_in_last_six_years},
                      {"bankruptInLastFiveYears", c.bankrupt_in_last_five_years},
                      {"breathingSpaceInLastYear", c.breathing_space_in_last_year},
                      {"mentalHealthCrisis", c.mental_health_crisis},
                      {"openedAt", c.opened_at},
                      {"closedAt", nullable(c.closed_at)},
                      {"createdAt", c.created_at},
                      {"updatedAt", c.updated_at}};
}

json::object Json<app::CaseDetail>::of(const app::CaseDetail& d) {
  auto o = Json<app::Case>::of(d.c);
  const auto& f = d.figures;
  json::object figures{
      {"totalDebt", f.total_debt.in_pence()},
      {"priorityDebt", f.priority_debt.in_pence()},
      {"priorityArrears", f.priority_arrears.in_pence()},
      {"nonPriorityDebt", f.non_priority_debt.in_pence()},
      {"debts", f.debts},
      {"monthlySurplus", f.monthly_surplus ? json::value(f.monthly_surplus->in_pence()) : json::value(nullptr)}};
  o["figures"] = std::move(figures);
  json::array next;
  for (const auto& t : d.allowed_transitions) next.push_back(json::value(t));
  o["allowedTransitions"] = std::move(next);
  return o;
}

}  // namespace cma::http
