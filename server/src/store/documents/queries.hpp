#pragma once
// Documents and their versions: every statement names the centre of each table it touches.

namespace cma::store::documents::sql {

#define CMA_DOCUMENT_COLUMNS                                                                                 \
  "d.id, d.centre_id, d.case_id, d.document_type, d.name, d.uploaded_by, d.status, d.current_version, "      \
  "d.created_at, d.updated_at, d.deleted_at, d.deleted_by, "                                                 \
  "v.document_id, v.centre_id, v.version, v.file_name, v.content_type, v.size_bytes, v.sha256, v.blob_key, " \
  "v.uploaded_by, v.created_at, v.extraction_status, v.extraction_error, v.extraction_confidence"
#define CMA_DOCUMENT_FROM                                                                            \
  " FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.centre_id = d.centre_id" \
  " AND v.version = d.current_version"
#define CMA_VERSION_COLUMNS                                                                               \
  "document_id, centre_id, version, file_name, content_type, size_bytes, sha256, blob_key, uploaded_by, " \
  "created_at, extraction_status"
#define CMA_VERSION_READ_COLUMNS CMA_VERSION_COLUMNS ", extraction_error, extraction_confidence"

// :centre is '' for a network-wide reader, who then finds the document in whichever centre it is.
inline constexpr const char* kFindDocument = "SELECT " CMA_DOCUMENT_COLUMNS CMA_DOCUMENT_FROM
                                             " WHERE d.id = :id AND (:centre = '' OR d.centre_id = :centre)"
                                             " AND d.status = 'available'";
inline constexpr const char* kFindDocumentInCentre = "SELECT " CMA_DOCUMENT_COLUMNS CMA_DOCUMENT_FROM
                                                     " WHERE d.id = :id AND d.centre_id = :centre"
                                                     " AND d.status = 'available'";
// PostgreSQL: the document's row stays locked until the transaction ends, so versions are numbered
// in turn. (SQLite's write transactions already hold the database's write lock.)
inline constexpr const char* kFindDocumentForUpdatePostgresql =
    "SELECT " CMA_DOCUMENT_COLUMNS CMA_DOCUMENT_FROM
    " WHERE d.id = :id AND d.centre_id = :centre AND d.status = 'available' FOR UPDATE OF d";
inline constexpr const char* kInsertDocument =
    "INSERT INTO documents (id, centre_id, case_id, document_type, name, uploaded_by, status, current_version, "
    "created_at, updated_at) VALUES (:id, :centre, :case_id, :type, :name, :uploaded_by, :status, :version, "
    ":created, :updated)";
inline constexpr const char* kInsertVersion =
    "INSERT INTO document_versions (" CMA_VERSION_COLUMNS
    ") VALUES (:document_id, :centre, :version, :file_name, :content_type, :size, :sha256, :blob_key, "
    ":uploaded_by, :created, :extraction_status)";
inline constexpr const char* kSetCurrentVersion =
    "UPDATE documents SET current_version = :version, updated_at = :updated WHERE id = :id AND centre_id = :centre";
inline constexpr const char* kMarkDeleted =
    "UPDATE documents SET status = 'deleted', deleted_at = :at, deleted_by = :by, updated_at = :at"
    " WHERE id = :id AND centre_id = :centre AND status = 'available'";
inline constexpr const char* kListVersions = "SELECT " CMA_VERSION_READ_COLUMNS
                                             " FROM document_versions WHERE centre_id = :centre"
                                             " AND document_id = :id ORDER BY version";
// Newest first; the cursor is the last row's (created_at, id). Without one the position is
// ('~', ''), after every time.
inline constexpr const char* kListDocuments =
    "SELECT " CMA_DOCUMENT_COLUMNS CMA_DOCUMENT_FROM
    " WHERE d.centre_id = :centre AND d.case_id = :case_id AND d.status = 'available'"
    " AND (d.created_at < :after_created OR (d.created_at = :after_created AND d.id < :after_id))"
    " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit";

// Text extraction (app/documents/extraction.hpp). A version of a document in any state, deleted
// documents' included.
inline constexpr const char* kFindVersion = "SELECT " CMA_VERSION_READ_COLUMNS
                                            " FROM document_versions WHERE centre_id = :centre"
                                            " AND document_id = :id AND version = :version";
inline constexpr const char* kExtractedText =
    "SELECT extracted_text FROM document_versions WHERE centre_id = :centre AND document_id = :id"
    " AND version = :version";
// Only a pending version takes an outcome: a second run of the same job changes nothing. The
// confidence is bound as text ("" for none).
inline constexpr const char* kStoreExtraction =
    "UPDATE document_versions SET extraction_status = :status, extracted_text = :text,"
    " extraction_confidence = CASE WHEN :confidence = '' THEN NULL"
    " ELSE CAST(:confidence AS DOUBLE PRECISION) END,"
    " extraction_error = CASE WHEN :error = '' THEN NULL ELSE :error END, extracted_at = :at"
    " WHERE centre_id = :centre AND document_id = :id AND version = :version AND extraction_status = 'pending'";

}  // namespace cma::store::documents::sql
