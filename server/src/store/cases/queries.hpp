#pragma once
// Cases: every statement by name, shared by both dialects unless a name says otherwise. A case is
// read with its client's name. Lists are assembled from the constant fragments below (which filter
// is present decides which fragments are used), never from request text.

namespace cma::store::cases::sql {

#define CMA_CASE_COLUMNS                                                                                    \
  "c.id, c.centre_id, c.client_id, c.reference, c.status, c.priority, c.adviser_id, c.summary, c.outcome, " \
  "c.closure_reason, c.next_review_date, c.assets, c.vehicle_value, c.vehicle_adapted, c.homeowner, "       \
  "c.connected_to_england_or_wales, c.dro_in_last_six_years, c.bankrupt_in_last_five_years, "               \
  "c.breathing_space_in_last_year, c.mental_health_crisis, c.opened_at, c.closed_at, c.created_at, "        \
  "c.updated_at, cl.first_name, cl.last_name, c.compliance_override"
// The client is joined by its key alone: a case's client is of the case's own centre (set when the
// case is opened, never changed). Adding "AND cl.centre_id = c.centre_id" would say nothing more and
// makes PostgreSQL underestimate the join a hundredfold with 100 centres (the two conditions are
// correlated), which turns a 51-row index walk into a hash join over the whole centre.
#define CMA_CASE_FROM " FROM cases c JOIN clients cl ON cl.id = c.client_id"

inline constexpr const char* kFindCaseInCentre =
    "SELECT " CMA_CASE_COLUMNS CMA_CASE_FROM " WHERE c.id = :id AND c.centre_id = :centre";
inline constexpr const char* kFindCase = "SELECT " CMA_CASE_COLUMNS CMA_CASE_FROM " WHERE c.id = :id";
// PostgreSQL: the case row stays locked until the transaction ends. (SQLite's write transactions
// already hold the database's write lock, so kFindCaseInCentre serves there.)
inline constexpr const char* kFindCaseForUpdatePostgresql =
    "SELECT " CMA_CASE_COLUMNS CMA_CASE_FROM " WHERE c.id = :id AND c.centre_id = :centre FOR UPDATE OF c";

inline constexpr const char* kInsertCase =
    "INSERT INTO cases (id, centre_id, client_id, reference, status, priority, adviser_id, summary, outcome, "
    "closure_reason, next_review_date, assets, vehicle_value, vehicle_adapted, homeowner, "
    "connected_to_england_or_wales, dro_in_last_six_years, bankrupt_in_last_five_years, "
    "breathing_space_in_last_year, mental_health_crisis, opened_at, closed_at, created_at, updated_at, "
    "compliance_override) VALUES "
    "(:id, :centre, :client, :reference, :status, :priority, :adviser, :summary, :outcome, :closure, :review, "
    ":assets, :vehicle, :adapted, :homeowner, :connected, :dro, :bankrupt, :breathing, :crisis, :opened, :closed, "
    ":created, :updated, :override)";
inline constexpr const char* kUpdateCase =
    "UPDATE cases SET status = :status, priority = :priority, adviser_id = :adviser, summary = :summary, "
    "outcome = :outcome, closure_reason = :closure, next_review_date = :review, assets = :assets, "
    "vehicle_value = :vehicle, vehicle_adapted = :adapted, homeowner = :homeowner, "
    "connected_to_england_or_wales = :connected, dro_in_last_six_years = :dro, "
    "bankrupt_in_last_five_years = :bankrupt, breathing_space_in_last_year = :breathing, "
    "mental_health_crisis = :crisis, closed_at = :closed, updated_at = :updated, compliance_override = :override "
    "WHERE id = :id AND centre_id = :centre";

// Lists: one of the two heads, then the filters present, then the keyset and order of the sort.
inline constexpr const char* kListCasesInCentre =
    "SELECT " CMA_CASE_COLUMNS CMA_CASE_FROM " WHERE c.centre_id = :centre";
inline constexpr const char* kListCases = "SELECT " CMA_CASE_COLUMNS CMA_CASE_FROM " WHERE 1 = 1";
inline constexpr const char* kAndStatus = " AND c.status = :status";
inline constexpr const char* kAndAdviser = " AND c.adviser_id = :adviser";
inline constexpr const char* kAndPriority = " AND c.priority = :priority";
inline constexpr const char* kAndOpenedFrom = " AND c.opened_at >= :opened_from";
inline constexpr const char* kAndOpenedTo = " AND c.opened_at <= :opened_to";
inline constexpr const char* kAndText =
    " AND (lower(c.reference) LIKE :reference_pattern ESCAPE '!' OR cl.search_text LIKE :text_pattern ESCAPE '!')";
inline constexpr const char* kAfterOpenedDesc = " AND (c.opened_at, c.id) < (:after_key, :after_id)";
inline constexpr const char* kAfterOpenedAsc = " AND (c.opened_at, c.id) > (:after_key, :after_id)";
inline constexpr const char* kAfterReference = " AND (c.reference, c.id) > (:after_key, :after_id)";
inline constexpr const char* kOrderOpenedDesc = " ORDER BY c.opened_at DESC, c.id DESC LIMIT :limit";
inline constexpr const char* kOrderOpenedAsc = " ORDER BY c.opened_at, c.id LIMIT :limit";
inline constexpr const char* kOrderReference = " ORDER BY c.reference, c.id LIMIT :limit";

}  // namespace cma::store::cases::sql
