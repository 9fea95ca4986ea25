#pragma once
// Budgets and their lines: every statement names the centre (and the case or the budget).

namespace cma::store::budgets::sql {

#define CMA_BUDGET_COLUMNS "id, centre_id, case_id, version, kind, adults, children, notes, created_by, created_at"

inline constexpr const char* kCurrentBudget =
    "SELECT " CMA_BUDGET_COLUMNS
    " FROM budgets WHERE centre_id = :centre AND case_id = :case_id ORDER BY version DESC LIMIT 1";
inline constexpr const char* kBudgetVersion =
    "SELECT " CMA_BUDGET_COLUMNS
    " FROM budgets WHERE centre_id = :centre AND case_id = :case_id AND version = :version";
inline constexpr const char* kBudgetVersions =
    "SELECT " CMA_BUDGET_COLUMNS
    " FROM budgets WHERE centre_id = :centre AND case_id = :case_id AND id > :after ORDER BY id LIMIT :limit";
inline constexpr const char* kInsertBudget =
    "INSERT INTO budgets (" CMA_BUDGET_COLUMNS
    ") VALUES (:id, :centre, :case_id, :version, :kind, :adults, :children, :notes, :created_by, :created_at)";

inline constexpr const char* kBudgetLines =
    "SELECT id, position, section, category, label, amount, frequency FROM budget_items "
    "WHERE centre_id = :centre AND budget_id = :budget ORDER BY position";
inline constexpr const char* kInsertBudgetLine =
    "INSERT INTO budget_items (id, centre_id, budget_id, position, section, category, label, amount, frequency) "
    "VALUES (:id, :centre, :budget, :position, :section, :category, :label, :amount, :frequency)";

}  // namespace cma::store::budgets::sql
