#pragma once
// Spending guidelines ("trigger figures") for the flexible categories of a budget. They depend on
// the household's make-up, change every year and are licensed to SFS members, so they are data: a
// table with its version and effective date, loaded by the caller (the figures shipped for demo
// and tests are marked illustrative). This file only applies a table.
#include <optional>
#include <string>
#include <vector>

#include "domain/budget/budget.hpp"

namespace cma::domain {

struct GuidelineRow {
  std::string category;  // a flexible category, e.g. "food_and_housekeeping"
  int adults = 1;        // 1, 2, …: the table's largest value covers larger households
  int children = 0;      // 0, 1, …: likewise
  Money monthly;
};

struct GuidelineTable {
  std::string version;         // e.g. "2025"
  std::string effective_from;  // YYYY-MM-DD
  bool illustrative = false;   // not the licensed figures
  std::vector<GuidelineRow> rows;
};

// The table in force on `date`: the latest whose effective_from is not after it.
std::optional<GuidelineTable> guidelines_on(const std::vector<GuidelineTable>& tables, const std::string& date);

struct Household {
  int adults = 1;
  int children = 0;
};

struct GuidelineFlag {
  std::string category;
  Money monthly_spent;
  Money guideline;
  Money over_by;
};

// The guideline for `category` for this household: the row for the same numbers of adults and
// children, each capped at the largest the table has for that category; nullopt when the table has
// no row for the category.
std::optional<Money> guideline_for(const GuidelineTable& table, const std::string& category, Household household);

// One flag per flexible category whose monthly total is above its guideline, in category order.
std::vector<GuidelineFlag> guideline_flags(const GuidelineTable& table, Household household,
                                           const std::vector<BudgetItem>& items);

}  // namespace cma::domain
