#pragma once
// The debts module's records: what a client owes, one row per creditor account.
#include <string>

#include "app/model.hpp"

namespace cma::app {

inline constexpr const char* kRemoved = "removed";

struct Debt {
  std::string id;
  std::string centre_id;
  std::string case_id;
  std::string creditor;
  std::string debt_type;  // domain::DebtType's spelling
  std::string account_reference;
  long long balance = 0;              // pence
  long long arrears = 0;              // pence
  long long contractual_payment = 0;  // pence a month
  long long offered_payment = 0;      // pence a month
  bool interest_frozen = false;
  std::string priority_override;  // "" (none), "priority" or "non_priority"
  std::string priority_reason;    // why the adviser overrode it
  std::string status = "active";  // active | disputed | paid | written_off | removed
  std::string created_at;
  std::string updated_at;
};

}  // namespace cma::app
