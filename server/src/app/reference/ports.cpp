#include "app/reference/ports.hpp"

namespace cma::app {

const BudgetCategoryList* categories_on(const ReferenceData& data, const std::string& date) {
  const BudgetCategoryList* found = nullptr;
  for (const auto& list : data.budget_categories())
    if (list.effective_from <= date && (!found || list.effective_from > found->effective_from)) found = &list;
  return found;
}

}  // namespace cma::app
