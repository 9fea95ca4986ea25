#include "http/debts/json.hpp"

#include "app/debts/debt_rules.hpp"
#include "http/json_fields.hpp"

namespace cma::http {

namespace json = boost::json;

json::object Json<app::Debt>::of(const app::Debt& d) {
  return json::object{{"id", d.id},
                      {"caseId", d.case_id},
                      {"creditor", d.creditor},
                      {"debtType", d.debt_type},
                      {"accountReference", d.account_reference},
                      {"balance", d.balance},
                      {"arrears", d.arrears},
                      {"contractualPayment", d.contractual_payment},
                      {"offeredPayment", d.offered_payment},
                      {"interestFrozen", d.interest_frozen},
                      {"derivedPriority", std::string(domain::to_string(app::debt_rules::derived_priority(d)))},
                      {"priorityOverride", nullable(d.priority_override)},
                      {"priorityReason", nullable(d.priority_reason)},
                      {"effectivePriority", std::string(domain::to_string(app::debt_rules::effective_priority(d)))},
                      {"status", d.status},
                      {"createdAt", d.created_at},
                      {"updatedAt", d.updated_at}};
}

json::object debt_in_list(const app::Debt& d) {
  auto o = Json<app::Debt>::of(d);
  o["accountReference"] = app::debt_rules::masked(d.account_reference);
  return o;
}

}  // namespace cma::http
