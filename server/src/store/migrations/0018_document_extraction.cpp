#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Text extraction (docs/documents.md): why a version's extraction failed, shown with its status.
// The text, the OCR's confidence and the time were columns of migration 0016 already.
const Migration migration0018 = {
    18, "document extraction errors", {"ALTER TABLE document_versions ADD COLUMN extraction_error TEXT"}};

}  // namespace cma::store::migrations
