#include "http/budgets/json.hpp"

#include "http/json_fields.hpp"

namespace cma::http {

namespace json = boost::json;

json::object Json<app::Budget>::of(const app::Budget& b) {
  return json::object{{"id", b.id},       {"caseId", b.case_id},       {"version", b.version},
                      {"kind", b.kind},   {"adults", b.adults},        {"children", b.children},
                      {"notes", b.notes}, {"createdBy", b.created_by}, {"createdAt", b.created_at}};
}

json::object Json<app::BudgetView>::of(const app::BudgetView& v) {
  auto o = Json<app::Budget>::of(v.budget);
  json::array lines;
  for (std::size_t i = 0; i < v.budget.lines.size(); ++i) {
    const auto& l = v.budget.lines[i];
    lines.push_back(json::object{{"section", l.section},
                                 {"category", l.category},
                                 {"label", l.label},
                                 {"amount", l.amount},
                                 {"frequency", l.frequency},
                                 {"monthly", i < v.monthly.size() ? v.monthly[i].in_pence() : 0}});
  }
  o["lines"] = std::move(lines);
  const auto& t = v.totals;
  o["totals"] = json::object{{"income", t.income.in_pence()},
                             {"fixedCosts", t.fixed_costs.in_pence()},
                             {"flexibleCosts", t.flexible_costs.in_pence()},
                             {"priorityDebtPayments", t.priority_debt_payments.in_pence()},
                             {"savings", t.savings.in_pence()},
                             {"expenditure", t.expenditure.in_pence()},
                             {"surplus", t.surplus.in_pence()},
                             {"availableForNonPriority", t.available_for_non_priority.in_pence()}};
  json::array flags;
  for (const auto& f : v.flags)
    flags.push_back(json::object{{"category", f.category},
                                 {"monthlySpent", f.monthly_spent.in_pence()},
                                 {"guideline", f.guideline.in_pence()},
                                 {"overBy", f.over_by.in_pence()}});
  o["guidelineFlags"] = std::move(flags);
  o["guidelines"] =
      json::object{{"version", nullable(v.guidelines_version)}, {"illustrative", v.guidelines_illustrative}};
  o["categoriesVersion"] = nullable(v.categories_version);
  return o;
}

}  // namespace cma::http
