#pragma once
// The documents module's records: a document on a case, and each version of its bytes.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cma::app {

struct DocumentVersion {
  std::string document_id;
  std::string centre_id;
  int version = 1;
  std::string file_name;  // the sanitised name the file was uploaded under
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::string sha256;  // lower-case hex of the bytes as uploaded
  std::string blob_key;
  std::string uploaded_by;
  std::string created_at;
  std::string extraction_status = "pending";    // pending | done | failed | not_applicable
  std::string extraction_error;                 // failed: why ("" otherwise)
  std::optional<double> extraction_confidence;  // OCR only: the mean word confidence, 0 to 100
  std::optional<std::string> extracted_text;    // filled only for the single-document read, when done
};

// What a finished extraction stores on its version.
struct ExtractionOutcome {
  std::string status;  // done | failed | not_applicable
  std::string text;
  std::optional<double> confidence;
  std::string error;
  std::string at;
};

struct Document {
  std::string id;
  std::string centre_id;
  std::string case_id;
  std::string document_type;  // domain::DocumentType's spelling
  std::string name;
  std::string uploaded_by;
  std::string status = "available";  // or "deleted"
  int current_version = 1;
  std::string created_at;
  std::string updated_at;
  std::string deleted_at;  // "" unless deleted
  std::string deleted_by;
  DocumentVersion current;                // the current version
  std::vector<DocumentVersion> versions;  // oldest first; filled only for the single-document read
};

// A file on local disk that exists only as long as this object: an upload as it arrived, or a
// download on its way out. Removed on destruction.
class SpooledFile {
 public:
  explicit SpooledFile(std::filesystem::path path) : path_(std::move(path)) {}
  ~SpooledFile();
  SpooledFile(const SpooledFile&) = delete;
  SpooledFile& operator=(const SpooledFile&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A new, empty spooled file in `dir` (the system's temporary directory when empty), readable and
// writable by this user only. Throws std::runtime_error when it cannot be made.
std::shared_ptr<SpooledFile> make_spooled_file(const std::filesystem::path& dir);

// The file part of an upload, as the HTTP edge received it: already on local disk, counted and
// hashed on the way in.
struct UploadedFile {
  std::shared_ptr<SpooledFile> spool;
  std::string file_name;  // as the client sent it, not yet sanitised
  std::uint64_t size = 0;
  std::string sha256;
};

struct DocumentUpload {
  std::optional<std::string> document_type;
  std::optional<std::string> name;
  std::optional<UploadedFile> file;
};

// A version's bytes, checked against their SHA-256, ready to send.
struct DocumentContent {
  std::string name;
  std::string content_type;
  std::uint64_t size = 0;
  std::shared_ptr<SpooledFile> file;
};

}  // namespace cma::app
