#pragma once
// The debts module's storage. Every lookup names the case as well as the centre, so a debt id is
// found only under its own case (/cases/{mine}/debts/{theirs} is a 404).
#include <optional>
#include <string>
#include <vector>

#include "app/debts/records.hpp"
#include "app/paging.hpp"

namespace cma::app {

inline constexpr int kMaxDebtsPerCase = 200;

class DebtRepository {
 public:
  virtual ~DebtRepository() = default;
  virtual std::optional<Debt> find(const CentreScope& scope, const std::string& case_id, const std::string& id) = 0;
  // The same, locking the row until the transaction ends (a change reads the row it replaces).
  virtual std::optional<Debt> find_for_update(const CentreScope& scope, const std::string& case_id,
                                              const std::string& id) = 0;
  virtual void insert(const Debt& d) = 0;
  virtual void update(const Debt& d) = 0;
  // A page of the case's debts that are not removed, by id.
  virtual std::vector<Debt> list(const CentreScope& scope, const std::string& case_id, const PageRequest& page) = 0;
  // All of them (at most kMaxDebtsPerCase), by id: for totals and offers.
  virtual std::vector<Debt> all(const CentreScope& scope, const std::string& case_id) = 0;
};

}  // namespace cma::app
