#pragma once
// Documents on a case (docs/documents.md): uploaded as multipart/form-data and streamed to the
// object store, never held whole in memory; their type judged by their bytes against an allow-list;
// each version's SHA-256 recorded at upload and checked on every download. Reading needs
// cases_read, uploading and deleting cases_write. A new version keeps the old ones; deleting is
// soft (the bytes stay until retention removes them). Another centre's document or case is a 404.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "app/blobs/blob_store.hpp"
#include "app/context.hpp"
#include "app/documents/records.hpp"
#include "app/paging.hpp"
#include "domain/result.hpp"

namespace cma::app {

Result<Document> upload_document(const Deps& deps, const Actor& actor, const std::string& case_id,
                                 const DocumentUpload& in);
Result<Document> add_document_version(const Deps& deps, const Actor& actor, const std::string& id,
                                      const DocumentUpload& in);
Result<Page<Document>> list_documents(const Deps& deps, const Actor& actor, const std::string& case_id,
                                      const KeysetRequest& page);
// The document with every version.
Result<Document> get_document(const Deps& deps, const Actor& actor, const std::string& id);
Result<Document> delete_document(const Deps& deps, const Actor& actor, const std::string& id);
// The bytes of `version` (the current one when absent), copied from the store into a spooled file
// while their SHA-256 is computed; a mismatch with the recorded one is refused (conflict) and logged.
Result<DocumentContent> open_document_content(const Deps& deps, const Actor& actor, const std::string& id,
                                              std::optional<int> version);
// A version's bytes copied from the store into a spooled file and checked against the recorded size
// and SHA-256 (a mismatch is a conflict, logged); no authorization: for the callers above and jobs.
Result<std::shared_ptr<SpooledFile>> fetch_version_bytes(const Deps& deps, const DocumentVersion& v);
// A short-lived URL that fetches the bytes straight from the object store (S3 only; with local files
// failed_precondition).
Result<PresignedUrl> document_download_url(const Deps& deps, const Actor& actor, const std::string& id,
                                           std::optional<int> version);

inline constexpr const char* kDocumentsList = "documents";
inline constexpr const char* kNoSuchDocument = "No such document.";
// How long a presigned download URL lasts.
inline constexpr std::chrono::seconds kDownloadUrlLifetime{300};
// The start of the messages of the errors that are HTTP 415 and 413 rather than 422.
inline constexpr const char* kUnacceptedContent = "is not an accepted kind of file";
inline constexpr const char* kFileTooLarge = "is larger than the limit of";

}  // namespace cma::app
