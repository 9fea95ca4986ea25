#pragma once
// Debts: every statement names the case as well as the centre.

namespace cma::store::debts::sql {

#define CMA_DEBT_COLUMNS                                                                                    \
  "id, centre_id, case_id, creditor, debt_type, account_reference, balance, arrears, contractual_payment, " \
  "offered_payment, interest_frozen, priority_override, priority_reason, status, created_at, updated_at"

inline constexpr const char* kFindDebt =
    "SELECT " CMA_DEBT_COLUMNS
    " FROM debts WHERE id = :id AND case_id = :case_id AND centre_id = :centre AND status <> 'removed'";
// PostgreSQL: the row stays locked until the transaction ends.
inline constexpr const char* kFindDebtForUpdatePostgresql =
    "SELECT " CMA_DEBT_COLUMNS
    " FROM debts WHERE id = :id AND case_id = :case_id AND centre_id = :centre AND status <> 'removed' FOR UPDATE";
inline constexpr const char* kInsertDebt =
    "INSERT INTO debts (" CMA_DEBT_COLUMNS
    ") VALUES (:id, :centre, :case_id, :creditor, :type, :account, :balance, :arrears, :contractual, :offered, "
    ":frozen, :override, :reason, :status, :created, :updated)";
inline constexpr const char* kUpdateDebt =
    "UPDATE debts SET creditor = :creditor, debt_type = :type, account_reference = :account, balance = :balance, "
    "arrears = :arrears, contractual_payment = :contractual, offered_payment = :offered, interest_frozen = :frozen, "
    "priority_override = :override, priority_reason = :reason, status = :status, updated_at = :updated "
    "WHERE id = :id AND case_id = :case_id AND centre_id = :centre";
inline constexpr const char* kListDebts =
    "SELECT " CMA_DEBT_COLUMNS
    " FROM debts WHERE centre_id = :centre AND case_id = :case_id AND status <> 'removed' AND id > :after "
    "ORDER BY id LIMIT :limit";

}  // namespace cma::store::debts::sql
