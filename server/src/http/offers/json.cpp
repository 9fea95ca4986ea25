#include "http/offers/json.hpp"

#include "http/json_fields.hpp"

namespace cma::http {

namespace json = boost::json;

json::object Json<app::OfferSet>::of(const app::OfferSet& o) {
  json::array lines;
  long long total = 0;
  for (const auto& l : o.lines) {
    total += l.monthly;
    lines.push_back(json::object{{"debtId", l.debt_id},
                                 {"creditor", l.creditor},
                                 {"balance", l.balance},
                                 {"monthly", l.monthly},
                                 {"token", l.token}});
  }
  return json::object{{"id", nullable(o.id)},
                      {"caseId", o.case_id},
                      {"budgetId", o.budget_id},
                      {"budgetVersion", o.budget_version},
                      {"available", o.available},
                      {"token", o.token},
                      {"totalMonthly", total},
                      {"lines", std::move(lines)},
                      {"createdBy", nullable(o.created_by)},
                      {"createdAt", nullable(o.created_at)},
                      {"appliedAt", nullable(o.applied_at)}};
}

}  // namespace cma::http
