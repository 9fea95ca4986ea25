#pragma once
// Objects in an S3 bucket (or an S3-compatible server at `endpoint`), over libcurl, signed with
// Signature Version 4. Objects up to the multipart threshold go up in one PUT; larger ones in parts,
// read from the source a part at a time, so memory holds at most one part. Transient failures (5xx,
// 429, SlowDown, lost connections) are retried with exponential backoff and full jitter.
#include <chrono>
#include <functional>
#include <memory>

#include "app/blobs/blob_store.hpp"
#include "blob/credentials.hpp"
#include "blob/http_client.hpp"
#include "blob/sha256.hpp"
#include "platform/config.hpp"

namespace cma::blob {

struct RetryPolicy {
  int max_attempts = 4;
  std::chrono::milliseconds base_delay{100};
  std::chrono::milliseconds max_delay{3000};
};

class S3BlobStore final : public app::BlobStore {
 public:
  S3BlobStore(platform::StorageSettings settings, std::unique_ptr<CredentialsProvider> credentials,
              RetryPolicy retry = {});
  Result<app::BlobInfo> put(const app::BlobKey& key, const app::BlobSource& source,
                            const app::PutOptions& options) override;
  Result<app::BlobInfo> get(const app::BlobKey& key, const app::BlobSink& sink,
                            std::optional<app::ByteRange> range) override;
  Result<app::BlobInfo> head(const app::BlobKey& key) override;
  Result<bool> remove(const app::BlobKey& key) override;
  Result<app::PresignedUrl> presign(const app::BlobKey& key, app::PresignMethod method, std::chrono::seconds expires_in,
                                    const app::PresignOptions& options) override;
  std::string presign_origin() const override { return base_url(); }
  std::string describe() const override;

 private:
  struct Call {
    std::string method;
    std::string key;
    std::vector<std::pair<std::string, std::string>> query;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string_view body;
    bool send_body = false;
    std::function<void(std::string_view)> on_body;
  };
  // One signed exchange, no retries.
  Result<HttpResponse> attempt(const Call& call);
  // Retries what is worth retrying; the last response (or the credentials' error) otherwise.
  Result<HttpResponse> send(const Call& call);
  void backoff(int attempt) const;
  std::string path_of(const std::string& key) const;
  std::string base_url() const;
  std::string host() const;
  void encryption_headers(std::vector<std::pair<std::string, std::string>>& headers) const;
  Result<app::BlobInfo> put_multipart(const app::BlobKey& key, const app::BlobSource& source,
                                      const app::PutOptions& options, std::string first, std::uint64_t& total,
                                      Sha256& sha);

  platform::StorageSettings settings_;
  std::unique_ptr<CredentialsProvider> credentials_;
  RetryPolicy retry_;
  std::string scheme_;
  std::string endpoint_host_;
};

// Builds the store STORAGE_URL names; throws std::runtime_error with a one-line reason otherwise.
std::unique_ptr<app::BlobStore> make_blob_store(const platform::StorageSettings& settings,
                                                const platform::EnvLookup& env);

}  // namespace cma::blob
