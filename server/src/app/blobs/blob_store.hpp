#pragma once
// The object store port: where a document's bytes live (local files or S3). Bytes always stream
// through callbacks, so no object is ever held whole in memory. Keys are built and checked only by
// the functions at the end of this file: a key outside the caller's centre never reaches a store.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace cma::app {

// A validated object key, `centres/{centre}/documents/{document}/v{n}`. Only document_blob_key and
// checked_blob_key make one.
class BlobKey {
 public:
  const std::string& str() const { return key_; }
  const std::string& centre_id() const { return centre_; }

 private:
  BlobKey(std::string key, std::string centre) : key_(std::move(key)), centre_(std::move(centre)) {}
  std::string key_;
  std::string centre_;
  friend Result<BlobKey> document_blob_key(std::string_view, std::string_view, int);
  friend Result<BlobKey> checked_blob_key(std::string_view, std::string_view);
};

// The key of version `version` (1 or more) of a document; both ids must be UUIDs.
Result<BlobKey> document_blob_key(std::string_view centre_id, std::string_view document_id, int version);

// `key` as given by anyone (a stored row, a request): accepted only when it is exactly a document
// key under `centre_id`'s prefix. Anything else (`..`, percent-escapes, extra slashes, NUL, bytes
// that are not plain ASCII, absolute paths, another centre) is refused as not_found.
Result<BlobKey> checked_blob_key(std::string_view centre_id, std::string_view key);

// Fills `buffer` with up to `capacity` bytes and returns how many; 0 means the end. Throwing aborts
// the write and leaves no object behind.
using BlobSource = std::function<std::size_t(char* buffer, std::size_t capacity)>;
// Receives the object's bytes in order, a chunk at a time. Throwing aborts the read.
using BlobSink = std::function<void(std::string_view chunk)>;

struct ByteRange {
  std::uint64_t first = 0;
  std::optional<std::uint64_t> last;  // inclusive; nullopt: to the end
};

struct BlobInfo {
  std::uint64_t size = 0;
  std::string etag;        // the store's entity tag, without quotes
  std::string sha256_hex;  // of the whole object, when the store knows it (the put computed it)
};

struct PutOptions {
  std::string content_type = "application/octet-stream";
};

enum class PresignMethod { get, put };

// How a presigned GET's answer is to be labelled, whatever the object was stored with: the
// Content-Disposition (so that a browser saves it under the document's name) and Content-Type.
// Empty fields are left as stored; a PUT ignores both.
struct PresignOptions {
  std::string content_disposition;
  std::string content_type;
};

struct PresignedUrl {
  std::string url;
  std::chrono::seconds expires_in{0};
};

class BlobStore {
 public:
  virtual ~BlobStore() = default;
  // Reads `source` to its end and stores it under `key`, replacing any object there. The object
  // becomes visible whole or not at all.
  virtual Result<BlobInfo> put(const BlobKey& key, const BlobSource& source, const PutOptions& options) = 0;
  // Streams the object (or the range of it) to `sink`. not_found when there is no such object;
  // invalid_argument when the range starts past its end.
  virtual Result<BlobInfo> get(const BlobKey& key, const BlobSink& sink, std::optional<ByteRange> range) = 0;
  virtual Result<BlobInfo> head(const BlobKey& key) = 0;
  // Removing an absent object succeeds.
  virtual Result<bool> remove(const BlobKey& key) = 0;
  // A URL that lets its holder GET or PUT this one object until it expires; failed_precondition
  // when the store has no such URLs (local files).
  virtual Result<PresignedUrl> presign(const BlobKey& key, PresignMethod method, std::chrono::seconds expires_in,
                                       const PresignOptions& options) = 0;
  // Stores the local file `file` under `key` without copying it, when the store can: a store of
  // local files on the same filesystem links it into place (the file's bytes become the object's;
  // `stored.sha256_hex` is then empty, as nothing was read). True when it did; false when it cannot
  // (another filesystem, another kind of store), and the caller then puts the file's bytes.
  virtual Result<bool> adopt(const BlobKey& /*key*/, const std::filesystem::path& /*file*/, BlobInfo& /*stored*/) {
    return false;
  }
  // The origin (scheme://host[:port]) presigned URLs point at, which the web app's pages must be
  // allowed to send uploads to; "" when the store has no such URLs.
  virtual std::string presign_origin() const { return {}; }
  // For the start-up log: "file:/var/blobs" or "s3://bucket (eu-west-2)". Never a secret.
  virtual std::string describe() const = 0;
};

}  // namespace cma::app
