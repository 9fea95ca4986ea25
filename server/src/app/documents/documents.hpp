#pragma once
// Documents on a case (docs/documents.md): uploaded as multipart/form-data and streamed to the
// object store, never held whole in memory; their type judged by their bytes against an allow-list;
// each version's SHA-256 recorded at upload and checked on every download. Reading needs
// cases_read, uploading and deleting cases_write. A new version keeps the old ones; deleting is
// soft (the bytes stay until retention removes them). Another centre's document or case is a 404.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/blobs/blob_store.hpp"
#include "app/context.hpp"
#include "app/documents/records.hpp"
#include "app/jobs/records.hpp"
#include "app/paging.hpp"
#include "domain/result.hpp"

namespace cma::app {

// Whether the caller may upload to this case (or add a version to this document): the permission,
// the store, and the case or document within the caller's reach. The HTTP edge asks before it reads
// an upload's body, so a refused upload is never spooled; the upload itself checks again.
Status check_document_upload(const Deps& deps, const Actor& actor, const std::string& case_id);
Status check_document_version_upload(const Deps& deps, const Actor& actor, const std::string& id);
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

// Direct uploads (S3 only): the client PUTs the bytes to a short-lived presigned URL, then asks for
// the upload to be completed, when the object is read back from the store, its size checked against
// the one declared, its type sniffed against the same allow-list and its SHA-256 computed, before
// the document is recorded. The pending upload is a queued job (kDirectUploadExpiryJob) due when
// its URL has expired: completing marks it done in the document's own transaction; if it runs, the
// upload was never completed and its object is removed. The upload id is that job's id.
struct DirectUploadRequest {
  std::optional<std::string> name;       // the document's name (of a new version: the file's)
  std::optional<std::string> file_name;  // a new document's file's own name, when it differs
  std::optional<std::string> document_type;
  std::optional<std::int64_t> size_bytes;
  bool size_given = false;  // present, whether or not a whole number
};

struct DirectUpload {
  std::string upload_id;
  std::string document_id;
  PresignedUrl put;
  std::string expires_at;
  int version = 1;  // the version the bytes will be
};

Result<DirectUpload> start_direct_upload(const Deps& deps, const Actor& actor, const std::string& case_id,
                                         const DirectUploadRequest& in, std::uint64_t max_bytes);
Result<Document> complete_direct_upload(const Deps& deps, const Actor& actor, const std::string& case_id,
                                        const std::string& upload_id);
// A new version of a document, uploaded the same way. Its number is reserved when the upload
// starts (the expiry job's unique key, under the document's row lock), so that no other upload,
// direct or through the API, takes it; it becomes the current version on completion unless a
// higher-numbered one has been completed first. An upload never completed leaves its number unused.
Result<DirectUpload> start_direct_version_upload(const Deps& deps, const Actor& actor, const std::string& id,
                                                 const DirectUploadRequest& in, std::uint64_t max_bytes);
Result<Document> complete_direct_version_upload(const Deps& deps, const Actor& actor, const std::string& id,
                                                const std::string& upload_id);
// The expiry job's work: removes the object of an upload that was never completed. Idempotent.
Status expire_direct_upload(const Deps& deps, const Job& job);

inline constexpr const char* kDirectUploadExpiryJob = "documents.upload_expire";
// How long a presigned upload URL lasts, and how much longer the upload may still be completed.
inline constexpr std::chrono::seconds kUploadUrlLifetime{900};
inline constexpr std::chrono::seconds kUploadCompletionGrace{300};
inline constexpr const char* kNoSuchUpload = "No such upload.";

inline constexpr const char* kDocumentsList = "documents";
inline constexpr const char* kNoSuchDocument = "No such document.";
// How long a presigned download URL lasts.
inline constexpr std::chrono::seconds kDownloadUrlLifetime{300};
// The start of the messages of the errors that are HTTP 415 and 413 rather than 422.
inline constexpr const char* kUnacceptedContent = "is not an accepted kind of file";
inline constexpr const char* kFileTooLarge = "is larger than the limit of";

}  // namespace cma::app
