#include "blob/file_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "blob/sha256.hpp"
#include "platform/crypto.hpp"

namespace cma::blob {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kChunk = 64 * 1024;

Error io_error(const std::string& what, const fs::path& path, int err) {
  return Error::unavailable(what + " " + path.string() + ": " + std::strerror(err));
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() {
    int f = fd_;
    fd_ = -1;
    return f;
  }

 private:
  int fd_;
};

bool write_all(int fd, const char* data, std::size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

std::string etag_of(const struct stat& st) {
  return std::to_string(st.st_size) + "-" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

// Removes the temporary file unless the put got as far as renaming it.
struct TempGuard {
  fs::path path;
  bool armed = true;
  ~TempGuard() {
    if (armed) ::unlink(path.c_str());
  }
};

// The temporary file beside `target` (its directory created) that a put or an adoption fills and
// then moves into place.
Result<fs::path> temp_beside(const fs::path& target) {
  auto dir = target.parent_path();
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error::unavailable("cannot create " + dir.string() + ": " + ec.message());
  return dir / (".tmp-" + platform::to_hex(platform::random_bytes(8)));
}

// Moves the synced temporary file into place and syncs the directory, so the object exists whole
// or not at all, and still does after a crash once this returns; then stats it.
Result<struct stat> move_into_place(TempGuard& temp, const fs::path& target) {
  if (::rename(temp.path.c_str(), target.c_str()) != 0) return io_error("cannot rename to", target, errno);
  temp.armed = false;
  auto dir = target.parent_path();
  Fd dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dfd.get() < 0 || ::fsync(dfd.get()) != 0) return io_error("cannot sync", dir, errno);
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) return io_error("cannot stat", target, errno);
  return st;
}

}  // namespace

FileBlobStore::FileBlobStore(fs::path root) : root_(std::move(root)) {}

fs::path FileBlobStore::path_of(const app::BlobKey& key) const {
  return root_ / key.str();
}

Result<app::BlobInfo> FileBlobStore::put(const app::BlobKey& key, const app::BlobSource& source,
                                         const app::PutOptions&) {
  auto target = path_of(key);
  auto temp_path = temp_beside(target);
  if (!temp_path) return temp_path.error();
  TempGuard temp{*temp_path};
  Fd fd(::open(temp.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (fd.get() < 0) {
    temp.armed = false;
    return io_error("cannot create", temp.path, errno);
  }
  Sha256 sha;
  std::vector<char> buf(kChunk);
  std::uint64_t size = 0;
  for (;;) {
    std::size_t n = source(buf.data(), buf.size());
    if (n == 0) break;
    sha.update(std::string_view(buf.data(), n));
    if (!write_all(fd.get(), buf.data(), n)) return io_error("cannot write", temp.path, errno);
    size += n;
  }
  if (::fsync(fd.get()) != 0) return io_error("cannot sync", temp.path, errno);
  if (::close(fd.release()) != 0) return io_error("cannot close", temp.path, errno);
  auto st = move_into_place(temp, target);
  if (!st) return st.error();
  return app::BlobInfo{size, etag_of(*st), sha.hex()};
}

Result<bool> FileBlobStore::adopt(const app::BlobKey& key, const fs::path& file, app::BlobInfo& stored) {
  auto target = path_of(key);
  auto temp_path = temp_beside(target);
  if (!temp_path) return temp_path.error();
  TempGuard temp{*temp_path};
  if (::link(file.c_str(), temp.path.c_str()) != 0) {
    int err = errno;
    temp.armed = false;
    if (err == EXDEV || err == EPERM || err == EMLINK || err == EOPNOTSUPP) return false;  // copy it instead
    return io_error("cannot link", temp.path, err);
  }
  // The bytes were written without a sync on their way in: they reach the disk before the object is
  // in place, as a put's do.
  Fd fd(::open(temp.path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return io_error("cannot open", temp.path, errno);
  if (::fsync(fd.get()) != 0) return io_error("cannot sync", temp.path, errno);
  auto st = move_into_place(temp, target);
  if (!st) return st.error();
  stored = app::BlobInfo{static_cast<std::uint64_t>(st->st_size), etag_of(*st), ""};
  return true;
}

Result<app::BlobInfo> FileBlobStore::get(const app::BlobKey& key, const app::BlobSink& sink,
                                         std::optional<app::ByteRange> range) {
  auto path = path_of(key);
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return Error::not_found("No such object.");
    return io_error("cannot open", path, errno);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return io_error("cannot stat", path, errno);
  auto size = static_cast<std::uint64_t>(st.st_size);
  std::uint64_t first = 0, end = size;  // [first, end)
  if (range) {
    if (range->first >= size || (range->last && *range->last < range->first))
      return Error::invalid_field("range", "is not satisfiable: the object has " + std::to_string(size) + " bytes");
    first = range->first;
    if (range->last) end = std::min(size, *range->last + 1);
  }
  if (first > 0 && ::lseek(fd.get(), static_cast<off_t>(first), SEEK_SET) < 0)
    return io_error("cannot seek", path, errno);
  std::vector<char> buf(kChunk);
  std::uint64_t left = end - first;
  while (left > 0) {
    ssize_t n = ::read(fd.get(), buf.data(), static_cast<std::size_t>(std::min<std::uint64_t>(left, buf.size())));
    if (n < 0) {
      if (errno == EINTR) continue;
      return io_error("cannot read", path, errno);
    }
    if (n == 0) break;
    sink(std::string_view(buf.data(), static_cast<std::size_t>(n)));
    left -= static_cast<std::uint64_t>(n);
  }
  return app::BlobInfo{size, etag_of(st), {}};
}

Result<app::BlobInfo> FileBlobStore::head(const app::BlobKey& key) {
  auto path = path_of(key);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return Error::not_found("No such object.");
    return io_error("cannot stat", path, errno);
  }
  return app::BlobInfo{static_cast<std::uint64_t>(st.st_size), etag_of(st), {}};
}

Result<bool> FileBlobStore::remove(const app::BlobKey& key) {
  auto path = path_of(key);
  if (::unlink(path.c_str()) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return false;
    return io_error("cannot remove", path, errno);
  }
  return true;
}

Result<app::PresignedUrl> FileBlobStore::presign(const app::BlobKey&, app::PresignMethod, std::chrono::seconds,
                                                 const app::PresignOptions&) {
  return Error::precondition("Local file storage has no presigned URLs; the API serves the bytes itself.");
}

std::string FileBlobStore::describe() const {
  return "file:" + root_.string();
}

}  // namespace cma::blob
