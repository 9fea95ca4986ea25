#include "app/budgets/budgets.hpp"
#include "app/reference/ports.hpp"
#include "domain/budget/frequency.hpp"

namespace cma::app {

namespace {
std::vector<domain::BudgetItem> items_of(const Budget& b) {
  std::vector<domain::BudgetItem> items;
  for (const auto& line : b.lines) {
    auto section = domain::parse_budget_section(line.section);
    auto frequency = domain::parse_frequency(line.frequency);
    if (section && frequency) items.push_back({*section, line.category, domain::Money::pence(line.amount), *frequency});
  }
  return items;
}
}  // namespace

BudgetView view_of(const Deps& deps, Budget budget) {
  BudgetView v;
  auto items = items_of(budget);
  for (const auto& item : items) v.monthly.push_back(domain::monthly_equivalent(item.amount, item.frequency));
  // Stored lines were checked when saved, so the totals are always computable.
  if (auto totals = domain::budget_totals(items)) v.totals = *totals;
  std::string date = budget.created_at.substr(0, 10);
  if (auto table = domain::guidelines_on(deps.reference.spending_guidelines(), date)) {
    v.guidelines_version = table->version;
    v.guidelines_illustrative = table->illustrative;
    v.flags = domain::guideline_flags(*table, {budget.adults, budget.children}, items);
  }
  if (const auto* list = categories_on(deps.reference, date)) v.categories_version = list->version;
  v.budget = std::move(budget);
  return v;
}

}  // namespace cma::app
