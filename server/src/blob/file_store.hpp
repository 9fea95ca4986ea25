#pragma once
// Objects as files under one directory, a key's slashes as folders. A put writes a temporary file
// beside the target, fsyncs it, renames it over the target and fsyncs the folder: a reader sees the
// old object or the new one, never part of one, even after a crash.
#include <filesystem>

#include "app/blobs/blob_store.hpp"

namespace cma::blob {

class FileBlobStore final : public app::BlobStore {
 public:
  explicit FileBlobStore(std::filesystem::path root);
  Result<app::BlobInfo> put(const app::BlobKey& key, const app::BlobSource& source,
                            const app::PutOptions& options) override;
  // A hard link to `file` under the key's path, synced; nullopt across filesystems (EXDEV) or where
  // links are not allowed.
  Result<bool> adopt(const app::BlobKey& key, const std::filesystem::path& file, app::BlobInfo& stored) override;
  Result<app::BlobInfo> get(const app::BlobKey& key, const app::BlobSink& sink,
                            std::optional<app::ByteRange> range) override;
  Result<app::BlobInfo> head(const app::BlobKey& key) override;
  Result<bool> remove(const app::BlobKey& key) override;
  Result<app::PresignedUrl> presign(const app::BlobKey& key, app::PresignMethod method, std::chrono::seconds expires_in,
                                    const app::PresignOptions& options) override;
  std::string describe() const override;

 private:
  std::filesystem::path path_of(const app::BlobKey& key) const;
  std::filesystem::path root_;
};

}  // namespace cma::blob
