#pragma once
// Clients: every statement by name, shared by both dialects. Lists are keyset-paged by
// (sort_name, id); a search matches the lower-case search_text with LIKE (wildcards escaped).

namespace cma::store::clients::sql {

#define CMA_CLIENT_COLUMNS                                                                                         \
  "id, centre_id, reference, title, first_name, last_name, date_of_birth, ni_number, phone, mobile, email, "       \
  "address_line1, address_line2, town, postcode, adults, children_ages, marital_status, employment_status, "       \
  "housing_tenure, vulnerability_flags, vulnerability_consent_at, data_sharing_consent, data_sharing_consent_at, " \
  "preferred_contact, language, status, deleted_at, created_at, updated_at"

inline constexpr const char* kFindClientInCentre =
    "SELECT " CMA_CLIENT_COLUMNS " FROM clients WHERE id = :id AND centre_id = :centre AND status = 'active'";
// PostgreSQL: the row stays locked until the transaction ends (SQLite's write transactions hold the
// database's write lock already).
inline constexpr const char* kFindClientForUpdatePostgresql =
    "SELECT " CMA_CLIENT_COLUMNS
    " FROM clients WHERE id = :id AND centre_id = :centre AND status = 'active' FOR UPDATE";
inline constexpr const char* kFindClient =
    "SELECT " CMA_CLIENT_COLUMNS " FROM clients WHERE id = :id AND status = 'active'";
inline constexpr const char* kInsertClient =
    "INSERT INTO clients (" CMA_CLIENT_COLUMNS
    ", sort_name, search_text) VALUES (:id, :centre, :reference, :title, :first, :last, :dob, :ni, :phone, :mobile, "
    ":email, :line1, :line2, :town, :postcode, :adults, :children, :marital, :employment, :tenure, :flags, "
    ":flags_consent, :sharing, :sharing_at, :contact, :language, :status, :deleted, :created, :updated, :sort, "
    ":search)";
inline constexpr const char* kUpdateClient =
    "UPDATE clients SET title = :title, first_name = :first, last_name = :last, date_of_birth = :dob, "
    "ni_number = :ni, phone = :phone, mobile = :mobile, email = :email, address_line1 = :line1, "
    "address_line2 = :line2, town = :town, postcode = :postcode, adults = :adults, children_ages = :children, "
    "marital_status = :marital, employment_status = :employment, housing_tenure = :tenure, "
    "vulnerability_flags = :flags, vulnerability_consent_at = :flags_consent, data_sharing_consent = :sharing, "
    "data_sharing_consent_at = :sharing_at, preferred_contact = :contact, language = :language, status = :status, "
    "deleted_at = :deleted, updated_at = :updated, sort_name = :sort, search_text = :search "
    "WHERE id = :id AND centre_id = :centre";

#define CMA_CLIENT_PAGE " AND (sort_name, id) > (:after_key, :after_id) ORDER BY sort_name, id LIMIT :limit"
inline constexpr const char* kListClientsInCentre =
    "SELECT " CMA_CLIENT_COLUMNS " FROM clients WHERE centre_id = :centre AND status = 'active'" CMA_CLIENT_PAGE;
// A search finds the page's ids in the list index alone (it carries search_text: migration 0005),
// then reads those rows by their key.
inline constexpr const char* kSearchClientsInCentre =
    "SELECT " CMA_CLIENT_COLUMNS
    " FROM clients WHERE id IN (SELECT id FROM clients "
    "WHERE centre_id = :centre AND status = 'active' AND search_text LIKE :pattern ESCAPE '!'" CMA_CLIENT_PAGE
    ") ORDER BY sort_name, id";
inline constexpr const char* kListClients =
    "SELECT " CMA_CLIENT_COLUMNS " FROM clients WHERE status = 'active'" CMA_CLIENT_PAGE;
inline constexpr const char* kSearchClients =
    "SELECT " CMA_CLIENT_COLUMNS
    " FROM clients WHERE id IN (SELECT id FROM clients WHERE status = 'active' "
    "AND search_text LIKE :pattern ESCAPE '!'" CMA_CLIENT_PAGE ") ORDER BY sort_name, id";

inline constexpr const char* kOpenCasesOfClient =
    "SELECT COUNT(*) FROM cases WHERE centre_id = :centre AND client_id = :client "
    "AND status IN ('open', 'in_progress')";

}  // namespace cma::store::clients::sql
