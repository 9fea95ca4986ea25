#pragma once
// A client's budget in the layout of the Standard Financial Statement: income, fixed and flexible
// costs, payments to priority creditors, and savings, each item with its own frequency. Totals are
// monthly; each item is normalised once (frequency.hpp), then summed exactly in pence.
#include <string>
#include <vector>

#include "domain/budget/frequency.hpp"
#include "domain/money/money.hpp"
#include "domain/result.hpp"

namespace cma::domain {

enum class BudgetSection { income, fixed_costs, flexible_costs, priority_debt_payments, savings };

std::string_view to_string(BudgetSection s);
std::optional<BudgetSection> parse_budget_section(std::string_view s);

struct BudgetItem {
  BudgetSection section;
  std::string category;  // e.g. "food_and_housekeeping"; the categories are data, not code
  Money amount;          // as paid, at `frequency`
  Frequency frequency;
};

struct BudgetTotals {
  Money income;
  Money fixed_costs;
  Money flexible_costs;
  Money priority_debt_payments;
  Money savings;
  Money expenditure;                 // fixed + flexible + priority debt payments + savings
  Money surplus;                     // income − expenditure; negative for a deficit
  Money available_for_non_priority;  // the surplus, never negative
};

// invalid_argument naming "items[i].amount" when an amount is negative or beyond kMaxAmount.
Result<BudgetTotals> budget_totals(const std::vector<BudgetItem>& items);

}  // namespace cma::domain
