#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Documents on a case and every version of their bytes (docs/documents.md). A document's row holds
// what is true of all its versions (case, type, name, status) and the number of its current
// version; each version, the first included, is a row of document_versions numbered from 1 with
// its size, SHA-256, sniffed content type and object key, and (document_id, version) is the key.
// Deleting is soft (deleted_at, deleted_by); the bytes go when retention says so. The extraction
// columns are filled later by the text extraction job.
const Migration migration0016 = {16,
                                 "documents",
                                 {R"(CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        case_id TEXT NOT NULL REFERENCES cases(id),
        document_type TEXT NOT NULL CHECK (document_type IN ('bank_statement', 'payslip', 'creditor_letter',
            'court_papers', 'benefit_letter', 'id', 'other')),
        name TEXT NOT NULL,
        uploaded_by TEXT NOT NULL REFERENCES users(id),
        status TEXT NOT NULL CHECK (status IN ('available', 'deleted')),
        current_version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        deleted_by TEXT REFERENCES users(id)))",
                                  "CREATE INDEX documents_case_idx ON documents (centre_id, case_id, created_at, id)",
                                  R"(CREATE TABLE document_versions (
        document_id TEXT NOT NULL REFERENCES documents(id),
        centre_id TEXT NOT NULL REFERENCES centres(id),
        version INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size_bytes BIGINT NOT NULL,
        sha256 TEXT NOT NULL,
        blob_key TEXT NOT NULL,
        uploaded_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        extraction_status TEXT NOT NULL CHECK (extraction_status IN ('pending', 'done', 'failed', 'not_applicable')),
        extracted_text TEXT,
        extraction_confidence DOUBLE PRECISION,
        extracted_at TEXT,
        PRIMARY KEY (document_id, version)))"}};

}  // namespace cma::store::migrations
