#pragma once
// The cases module's storage.
#include <optional>
#include <string>
#include <vector>

#include "app/cases/records.hpp"
#include "app/paging.hpp"

namespace cma::app {

class CaseRepository {
 public:
  virtual ~CaseRepository() = default;
  virtual std::optional<Case> find(const Scope& scope, const std::string& id) = 0;
  // The same, locking the row until the transaction ends (status changes, reference-bound writes).
  virtual std::optional<Case> find_for_update(const CentreScope& scope, const std::string& id) = 0;
  virtual void insert(const Case& c) = 0;
  virtual void update(const Case& c) = 0;
  // `query.opened_from`/`opened_to` already widened to instants (…T00:00:00Z); `query.text` lower-case.
  virtual std::vector<Case> list(const Scope& scope, const CaseQuery& query, const KeysetRequest& page) = 0;
};

}  // namespace cma::app
