#pragma once
// The compliance module's storage: one row per ticked item of a case.
#include <string>
#include <vector>

#include "app/compliance/records.hpp"
#include "app/tenancy.hpp"

namespace cma::app {

class ComplianceRepository {
 public:
  virtual ~ComplianceRepository() = default;
  virtual std::vector<ComplianceTick> ticks(const CentreScope& scope, const std::string& case_id) = 0;
  // Ticks the item, or replaces its tick (new evidence, who and when).
  virtual void put(const ComplianceTick& tick) = 0;
  virtual void remove(const CentreScope& scope, const std::string& case_id, const std::string& item) = 0;
};

}  // namespace cma::app
