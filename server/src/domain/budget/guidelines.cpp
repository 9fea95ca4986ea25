#include "domain/budget/guidelines.hpp"

#include <algorithm>
#include <map>

namespace cma::domain {

std::optional<GuidelineTable> guidelines_on(const std::vector<GuidelineTable>& tables, const std::string& date) {
  std::optional<GuidelineTable> found;
  for (const auto& t : tables)
    if (t.effective_from <= date && (!found || t.effective_from > found->effective_from)) found = t;
  return found;
}

std::optional<Money> guideline_for(const GuidelineTable& table, const std::string& category, Household household) {
  int max_adults = 0, max_children = -1;
  for (const auto& r : table.rows) {
    if (r.category != category) continue;
    max_adults = std::max(max_adults, r.adults);
    max_children = std::max(max_children, r.children);
  }
  if (max_children < 0) return std::nullopt;
  int adults = std::clamp(household.adults, 1, max_adults);
  int children = std::clamp(household.children, 0, max_children);
  for (const auto& r : table.rows)
    if (r.category == category && r.adults == adults && r.children == children) return r.monthly;
  return std::nullopt;
}

std::vector<GuidelineFlag> guideline_flags(const GuidelineTable& table, Household household,
                                           const std::vector<BudgetItem>& items) {
  std::map<std::string, std::int64_t> spent;
  for (const auto& item : items) {
    if (item.section != BudgetSection::flexible_costs || !is_acceptable_amount(item.amount)) continue;
    spent[item.category] += monthly_equivalent(item.amount, item.frequency).in_pence();
  }
  std::vector<GuidelineFlag> flags;
  for (const auto& [category, pence] : spent) {
    auto guideline = guideline_for(table, category, household);
    if (!guideline || pence <= guideline->in_pence()) continue;
    flags.push_back({category, Money::pence(pence), *guideline, Money::pence(pence - guideline->in_pence())});
  }
  return flags;
}

}  // namespace cma::domain
