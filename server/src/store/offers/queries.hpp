#pragma once
// Offer sets and their lines: every statement names the centre.

namespace cma::store::offers::sql {

#define CMA_OFFER_COLUMNS \
  "id, centre_id, case_id, budget_id, budget_version, available, token, created_by, created_at, applied_at"

inline constexpr const char* kFindOfferSet =
    "SELECT " CMA_OFFER_COLUMNS " FROM offer_sets WHERE id = :id AND case_id = :case_id AND centre_id = :centre";
inline constexpr const char* kListOfferSets =
    "SELECT " CMA_OFFER_COLUMNS
    " FROM offer_sets WHERE centre_id = :centre AND case_id = :case_id AND id > :after ORDER BY id LIMIT :limit";
inline constexpr const char* kInsertOfferSet =
    "INSERT INTO offer_sets (" CMA_OFFER_COLUMNS
    ") VALUES (:id, :centre, :case_id, :budget, :version, :available, :token, :created_by, :created_at, :applied)";
inline constexpr const char* kMarkApplied =
    "UPDATE offer_sets SET applied_at = :at WHERE id = :id AND centre_id = :centre AND applied_at = ''";

inline constexpr const char* kOfferLines =
    "SELECT debt_id, creditor, balance, monthly, token FROM offer_lines "
    "WHERE centre_id = :centre AND offer_set_id = :set ORDER BY position";
inline constexpr const char* kInsertOfferLine =
    "INSERT INTO offer_lines (offer_set_id, centre_id, debt_id, position, creditor, balance, monthly, token) "
    "VALUES (:set, :centre, :debt, :position, :creditor, :balance, :monthly, :token)";

}  // namespace cma::store::offers::sql
