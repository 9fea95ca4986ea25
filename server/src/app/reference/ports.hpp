#pragma once
// Reference data: figures that change over time and are published by others (SFS spending
// guidelines and categories, Debt Relief Order limits, the thresholds of the other debt solutions).
// Each is a list of versions with the date it took effect; the use cases pick the version in force
// on the date that matters (a budget's date, a screening's date). The adapter that loads them is
// outside app/ (the data files under data/reference/, embedded at build time).
#include <string>
#include <vector>

#include "domain/budget/budget.hpp"
#include "domain/budget/guidelines.hpp"
#include "domain/solutions/dro.hpp"
#include "domain/solutions/screening.hpp"

namespace cma::app {

// One category of the SFS layout, e.g. {income, "wages", "Wages and salary"}.
struct BudgetCategory {
  domain::BudgetSection section;
  std::string id;
  std::string label;
};

struct BudgetCategoryList {
  std::string version;
  std::string effective_from;  // YYYY-MM-DD
  std::vector<BudgetCategory> categories;
};

class ReferenceData {
 public:
  virtual ~ReferenceData() = default;
  virtual const std::vector<BudgetCategoryList>& budget_categories() const = 0;
  virtual const std::vector<domain::GuidelineTable>& spending_guidelines() const = 0;
  virtual const std::vector<domain::DroLimits>& dro_limits() const = 0;
  virtual const std::vector<domain::SolutionRules>& solution_rules() const = 0;
};

// The list in force on `date` (YYYY-MM-DD), or nullptr when none had taken effect by then.
const BudgetCategoryList* categories_on(const ReferenceData& data, const std::string& date);

}  // namespace cma::app
