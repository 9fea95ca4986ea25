#pragma once
// Receiving a document upload as it streams in. The server reads an upload route's body in chunks
// and hands each to an UploadReceiver, which parses the multipart body incrementally, writes the
// file part to a spooled file while counting and hashing it, and keeps the few small text fields.
// The route's handler then gets the finished UploadForm: the file never passes through memory whole.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/documents/records.hpp"
#include "http/documents/multipart.hpp"
#include "platform/crypto.hpp"

namespace cma::http {

struct UploadForm {
  std::vector<std::pair<std::string, std::string>> fields;  // the parts without a file name
  std::optional<app::UploadedFile> file;                    // the part named `file`
  bool not_multipart = false;                               // the Content-Type was something else
  std::string malformed;                                    // why the body could not be read, or ""

  std::optional<std::string> field(std::string_view name) const;
};

// POST to the routes whose body is streamed: /api/v1/cases/{id}/documents and
// /api/v1/documents/{id}/versions.
bool is_upload_route(std::string_view method, std::string_view path);

// Room beyond the file's own limit for the multipart framing and the small fields.
inline constexpr std::uint64_t kUploadOverheadBytes = 1024 * 1024;
// An upload's body is read from the socket, and handed on, this much at a time at most.
inline constexpr std::size_t kUploadReadBytes = 128 * 1024;

class UploadReceiver {
 public:
  UploadReceiver(std::string_view content_type, std::uint64_t max_file_bytes, std::filesystem::path spool_dir);
  ~UploadReceiver();
  UploadReceiver(const UploadReceiver&) = delete;
  UploadReceiver& operator=(const UploadReceiver&) = delete;

  // The next piece of the body. False once the rest need not be read (too large, or unreadable).
  bool feed(std::string_view chunk);
  // The file part passed max_file_bytes: the answer is 413 and nothing is kept.
  bool too_large() const { return too_large_; }
  // The whole body has been fed (or reading stopped): the form for the handler. Called once.
  std::shared_ptr<UploadForm> finish();

  static constexpr std::size_t kMaxFields = 16;
  static constexpr std::size_t kMaxFieldBytes = 16 * 1024;

 private:
  std::optional<std::string> begin_part(const PartHeaders& h);
  std::optional<std::string> part_data(std::string_view data);
  void end_part();

  std::uint64_t max_file_bytes_;
  std::filesystem::path spool_dir_;
  std::shared_ptr<UploadForm> form_;
  std::optional<MultipartParser> parser_;
  enum class Part { none, field, file, ignored } part_ = Part::none;
  std::string field_name_, field_value_;
  std::shared_ptr<app::SpooledFile> spool_;
  int fd_ = -1;
  std::unique_ptr<platform::Sha256Stream> sha_;
  std::uint64_t file_bytes_ = 0;
  std::string file_name_;
  bool too_large_ = false;
  bool done_ = false;
};

}  // namespace cma::http
