#pragma once
// Retention: finished cases that closed long ago, their documents' object keys, and the writes
// that anonymise a client and mark a document's bytes purged.

namespace cma::store::retention::sql {

inline constexpr const char* kRetentionFinishedCases =
    "SELECT k.id, k.client_id, k.status, k.closed_at, c.anonymised_at FROM cases k"
    " JOIN clients c ON c.id = k.client_id AND c.centre_id = k.centre_id"
    " WHERE k.centre_id = :centre AND k.closed_at <> '' AND k.closed_at < :before"
    " AND k.status IN ('closed', 'referred', 'cancelled') AND (:after = '' OR k.id > :after)"
    " ORDER BY k.id LIMIT :limit";
inline constexpr const char* kRetentionClientCases =
    "SELECT id, client_id, status, closed_at FROM cases WHERE centre_id = :centre AND client_id = :client"
    " ORDER BY id";
inline constexpr const char* kRetentionKeptDocuments =
    "SELECT d.id, d.case_id, v.blob_key FROM documents d"
    " JOIN document_versions v ON v.document_id = d.id AND v.centre_id = :centre"
    " WHERE d.centre_id = :centre AND d.case_id = :case AND d.purged_at = '' ORDER BY d.id, v.version";
inline constexpr const char* kRetentionNoteIds =
    "SELECT id FROM notes WHERE centre_id = :centre AND case_id = :case ORDER BY id";
inline constexpr const char* kRetentionClientReference =
    "SELECT reference FROM clients WHERE centre_id = :centre AND id = :id AND anonymised_at = ''";
inline constexpr const char* kRetentionAnonymiseClient =
    "UPDATE clients SET title = '', first_name = :first, last_name = :last, date_of_birth = '', ni_number = '',"
    " phone = '', mobile = '', email = '', address_line1 = '', address_line2 = '', town = '', postcode = '',"
    " vulnerability_flags = '', vulnerability_consent_at = '', preferred_contact = '', language = '',"
    " sort_name = :sort, search_text = :search, anonymised_at = :at, updated_at = :at"
    " WHERE centre_id = :centre AND id = :id AND anonymised_at = ''";
inline constexpr const char* kRetentionPurgeDocument =
    "UPDATE documents SET status = 'deleted', deleted_at = COALESCE(deleted_at, :at), purged_at = :at,"
    " updated_at = :at WHERE centre_id = :centre AND id = :id AND purged_at = ''";
inline constexpr const char* kRetentionPurgeVersions =
    "UPDATE document_versions SET purged_at = :at, extracted_text = NULL WHERE centre_id = :centre"
    " AND document_id = :id";

}  // namespace cma::store::retention::sql
