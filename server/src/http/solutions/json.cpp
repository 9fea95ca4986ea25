#include "http/solutions/json.hpp"

#include "http/json_fields.hpp"

namespace cma::http {

namespace json = boost::json;

json::object Json<app::CaseScreening>::of(const app::CaseScreening& s) {
  json::array results;
  for (const auto& r : s.screening.results) {
    json::array barriers;
    for (const auto& b : r.barriers) {
      json::object o{{"rule", b.rule}, {"detail", b.detail}};
      o["actual"] = b.actual ? json::value(b.actual->in_pence()) : json::value(nullptr);
      o["limit"] = b.limit ? json::value(b.limit->in_pence()) : json::value(nullptr);
      barriers.push_back(std::move(o));
    }
    json::array cautions;
    for (const auto& c : r.cautions) cautions.push_back(json::value(c));
    results.push_back(json::object{{"solution", std::string(domain::to_string(r.solution))},
                                   {"available", r.available},
                                   {"barriers", std::move(barriers)},
                                   {"cautions", std::move(cautions)}});
  }
  const auto& f = s.facts;
  json::object facts{{"totalDebt", f.total_debt.in_pence()},
                     {"nonPriorityDebt", f.non_priority_debt.in_pence()},
                     {"nonPriorityCreditors", f.non_priority_creditors},
                     {"assets", f.assets.in_pence()},
                     {"vehicleValue", f.vehicle_value.in_pence()},
                     {"vehicleAdapted", f.vehicle_specially_adapted},
                     {"homeowner", f.homeowner},
                     {"connectedToEnglandOrWales", f.connected_to_england_or_wales},
                     {"droInLastSixYears", f.dro_in_last_six_years},
                     {"breathingSpaceInLastYear", f.breathing_space_in_last_year},
                     {"mentalHealthCrisis", f.mental_health_crisis}};
  facts["monthlySurplus"] = f.monthly_surplus ? json::value(f.monthly_surplus->in_pence()) : json::value(nullptr);
  return json::object{{"caseId", s.case_id},
                      {"assessedOn", s.screening.assessed_on},
                      {"droLimitsFrom", s.screening.dro_limits_from},
                      {"rulesFrom", s.screening.rules_from},
                      {"rulesIllustrative", s.rules_illustrative},
                      {"facts", std::move(facts)},
                      {"results", std::move(results)}};
}

}  // namespace cma::http
