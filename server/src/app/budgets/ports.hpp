#pragma once
// The budgets module's storage.
#include <optional>
#include <string>
#include <vector>

#include "app/budgets/records.hpp"
#include "app/paging.hpp"

namespace cma::app {

class BudgetRepository {
 public:
  virtual ~BudgetRepository() = default;
  // The latest version of the case's budget, with its lines.
  virtual std::optional<Budget> current(const CentreScope& scope, const std::string& case_id) = 0;
  // One version, with its lines.
  virtual std::optional<Budget> version(const CentreScope& scope, const std::string& case_id, int version) = 0;
  // Versions oldest first, without their lines.
  virtual std::vector<Budget> versions(const CentreScope& scope, const std::string& case_id,
                                       const PageRequest& page) = 0;
  // The budget and its lines; UniqueViolation when the version number is taken.
  virtual void insert(const Budget& b) = 0;
};

}  // namespace cma::app
