#pragma once
// A case's debts. Reading needs cases_read; recording and changing them cases_write, and only
// while the case is not finished. Removing is soft (status "removed", no longer listed or counted).
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/debts/records.hpp"
#include "app/paging.hpp"
#include "domain/result.hpp"

namespace cma::app {

struct DebtInput {  // absent fields are left as they are on update
  std::optional<std::string> creditor, debt_type, account_reference, priority_override, priority_reason, status;
  std::optional<long long> balance, arrears, contractual_payment, offered_payment;
  std::optional<bool> interest_frozen;
  std::vector<FieldError> shape_errors;
};

Result<Debt> add_debt(const Deps& deps, const Actor& actor, const std::string& case_id, const DebtInput& in);
Result<Debt> get_debt(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id);
Result<Debt> update_debt(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id,
                         const DebtInput& in);
Result<Debt> remove_debt(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id);
Result<Page<Debt>> list_debts(const Deps& deps, const Actor& actor, const std::string& case_id,
                              const PageRequest& page);

inline constexpr const char* kNoSuchDebt = "No such debt on this case.";

}  // namespace cma::app
