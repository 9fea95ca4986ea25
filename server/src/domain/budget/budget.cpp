#include "domain/budget/budget.hpp"

namespace cma::domain {

std::string_view to_string(BudgetSection s) {
  switch (s) {
    case BudgetSection::income:
      return "income";
    case BudgetSection::fixed_costs:
      return "fixed_costs";
    case BudgetSection::flexible_costs:
      return "flexible_costs";
    case BudgetSection::priority_debt_payments:
      return "priority_debt_payments";
    case BudgetSection::savings:
      return "savings";
  }
  return "income";
}

std::optional<BudgetSection> parse_budget_section(std::string_view s) {
  for (auto section : {BudgetSection::income, BudgetSection::fixed_costs, BudgetSection::flexible_costs,
                       BudgetSection::priority_debt_payments, BudgetSection::savings})
    if (to_string(section) == s) return section;
  return std::nullopt;
}

Result<BudgetTotals> budget_totals(const std::vector<BudgetItem>& items) {
  std::vector<FieldError> errors;
  // Every item is at most kMaxAmount a week (about 4.3e12 pence a month), so even millions of items
  // stay far inside 64 bits; the checked sums below guard the rest.
  std::int64_t sums[5] = {0, 0, 0, 0, 0};
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    if (!is_acceptable_amount(item.amount)) {
      errors.push_back({"items[" + std::to_string(i) + "].amount", "must be from 0 to 10000000000.00 pounds"});
      continue;
    }
    auto& sum = sums[static_cast<int>(item.section)];
    if (__builtin_add_overflow(sum, monthly_equivalent(item.amount, item.frequency).in_pence(), &sum))
      return Error::invalid_field("items", "add up to more than can be represented");
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  BudgetTotals t;
  t.income = Money::pence(sums[static_cast<int>(BudgetSection::income)]);
  t.fixed_costs = Money::pence(sums[static_cast<int>(BudgetSection::fixed_costs)]);
  t.flexible_costs = Money::pence(sums[static_cast<int>(BudgetSection::flexible_costs)]);
  t.priority_debt_payments = Money::pence(sums[static_cast<int>(BudgetSection::priority_debt_payments)]);
  t.savings = Money::pence(sums[static_cast<int>(BudgetSection::savings)]);
  std::int64_t spent = 0;
  for (auto s : {BudgetSection::fixed_costs, BudgetSection::flexible_costs, BudgetSection::priority_debt_payments,
                 BudgetSection::savings})
    if (__builtin_add_overflow(spent, sums[static_cast<int>(s)], &spent))
      return Error::invalid_field("items", "add up to more than can be represented");
  t.expenditure = Money::pence(spent);
  auto surplus = checked_sub(t.income, t.expenditure);
  if (!surplus) return Error::invalid_field("items", "add up to more than can be represented");
  t.surplus = *surplus;
  t.available_for_non_priority = surplus->is_negative() ? Money() : *surplus;
  return t;
}

}  // namespace cma::domain
