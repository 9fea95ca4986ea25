#pragma once
// A case's budget. Reading needs cases_read; saving a version cases_write, while the case is open.
// What comes back carries the computed monthly figures, totals and spending-guideline flags.
#include <optional>
#include <string>
#include <vector>

#include "app/budgets/records.hpp"
#include "app/context.hpp"
#include "app/paging.hpp"
#include "domain/budget/budget.hpp"
#include "domain/budget/guidelines.hpp"
#include "domain/result.hpp"

namespace cma::app {

struct BudgetLineInput {
  std::optional<std::string> section, category, label, frequency;
  std::optional<long long> amount;
};

struct BudgetInput {
  std::optional<std::string> kind, notes;
  std::optional<long long> adults, children;
  std::optional<std::vector<BudgetLineInput>> lines;
  std::vector<FieldError> shape_errors;
};

struct BudgetView {
  Budget budget;
  std::vector<domain::Money> monthly;  // per line, in line order
  domain::BudgetTotals totals;
  std::vector<domain::GuidelineFlag> flags;
  std::string guidelines_version;  // "" when no table was in force
  bool guidelines_illustrative = false;
  std::string categories_version;
};

Result<BudgetView> save_budget(const Deps& deps, const Actor& actor, const std::string& case_id, const BudgetInput& in);
Result<BudgetView> get_budget(const Deps& deps, const Actor& actor, const std::string& case_id,
                              std::optional<int> version);
Result<Page<Budget>> list_budget_versions(const Deps& deps, const Actor& actor, const std::string& case_id,
                                          const PageRequest& page);

// The figures of a stored budget (shared with case figures, offers and screening).
BudgetView view_of(const Deps& deps, Budget budget);

inline constexpr int kMaxBudgetLines = 300;

}  // namespace cma::app
