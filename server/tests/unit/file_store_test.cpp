// The local-file object store: whole objects or none, ranges, head, remove, and nothing left behind
// when a put fails half-way.
#include "blob/file_store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "blob/sha256.hpp"
#include "platform/crypto.hpp"

namespace cma::blob {

namespace {

namespace fs = std::filesystem;

const std::string kCentre = "0190f5a2-0000-7000-8000-000000000001";
const std::string kDocument = "0190f5a2-0000-7000-8000-0000000000d1";

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("cma-blobs-" + platform::to_hex(platform::random_bytes(6)));
  ~TempDir() { fs::remove_all(path); }
};

// A source of `total` bytes of a repeating pattern, handed out in uneven chunks.
app::BlobSource pattern(std::uint64_t total, std::uint64_t fail_after = UINT64_MAX) {
  auto sent = std::make_shared<std::uint64_t>(0);
  return [=](char* buf, std::size_t cap) -> std::size_t {
    if (*sent >= fail_after) throw std::runtime_error("the client went away");
    std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>({cap, 7919, total - *sent}));
    for (std::size_t i = 0; i < n; ++i) buf[i] = static_cast<char>('a' + (*sent + i) % 26);
    *sent += n;
    return n;
  };
}

std::string expected(std::uint64_t first, std::uint64_t count) {
  std::string s;
  for (std::uint64_t i = first; i < first + count; ++i) s += static_cast<char>('a' + i % 26);
  return s;
}

app::BlobKey key(int version = 1) {
  return app::document_blob_key(kCentre, kDocument, version).value();
}

std::string read_all(app::BlobStore& store, const app::BlobKey& k, std::optional<app::ByteRange> range = {}) {
  std::string out;
  auto r = store.get(
      k, [&](std::string_view c) { out.append(c); }, range);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().detail);
  return out;
}

}  // namespace

TEST(FileBlobStore, PutGetHeadRemove) {
  TempDir dir;
  FileBlobStore store(dir.path);
  const std::uint64_t size = 300'000;
  auto put = store.put(key(), pattern(size), {});
  ASSERT_TRUE(put.ok()) << put.error().detail;
  EXPECT_EQ(put->size, size);
  EXPECT_EQ(put->sha256_hex, platform::sha256_hex(expected(0, size)));
  EXPECT_TRUE(fs::exists(dir.path / "centres" / kCentre / "documents" / kDocument / "v1"));

  EXPECT_EQ(read_all(store, key()), expected(0, size));
  EXPECT_EQ(read_all(store, key(), app::ByteRange{1000, 1999}), expected(1000, 1000));
  EXPECT_EQ(read_all(store, key(), app::ByteRange{size - 10, std::nullopt}), expected(size - 10, 10));
  EXPECT_EQ(read_all(store, key(), app::ByteRange{size - 10, size + 500}), expected(size - 10, 10));
  auto past = store.get(
      key(), [](std::string_view) {}, app::ByteRange{size, std::nullopt});
  ASSERT_FALSE(past.ok());
  EXPECT_EQ(past.error().code, ErrorCode::invalid_argument);

  auto head = store.head(key());
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->size, size);
  EXPECT_EQ(head->etag, put->etag);

  auto removed = store.remove(key());
  ASSERT_TRUE(removed.ok());
  EXPECT_TRUE(*removed);
  EXPECT_EQ(store.head(key()).error().code, ErrorCode::not_found);
  EXPECT_EQ(store.get(key(), [](std::string_view) {}, {}).error().code, ErrorCode::not_found);
  EXPECT_FALSE(store.remove(key()).value());
}

TEST(FileBlobStore, AFailedPutLeavesTheOldObjectAndNoTemporaryFile) {
  TempDir dir;
  FileBlobStore store(dir.path);
  ASSERT_TRUE(store.put(key(), pattern(1000), {}).ok());
  EXPECT_THROW((void)store.put(key(), pattern(500'000, 200'000), {}), std::runtime_error);
  EXPECT_EQ(read_all(store, key()), expected(0, 1000));
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir.path / "centres" / kCentre / "documents" / kDocument)) {
    ++files;
    EXPECT_EQ(e.path().filename(), "v1");
  }
  EXPECT_EQ(files, 1);
}

TEST(FileBlobStore, AnEmptyObjectAndVersionsSideBySide) {
  TempDir dir;
  FileBlobStore store(dir.path);
  ASSERT_TRUE(store.put(key(1), pattern(0), {}).ok());
  ASSERT_TRUE(store.put(key(2), pattern(10), {}).ok());
  EXPECT_EQ(read_all(store, key(1)), "");
  EXPECT_EQ(read_all(store, key(2)), expected(0, 10));
  EXPECT_EQ(store.head(key(1))->size, 0U);
}

TEST(FileBlobStore, HasNoPresignedUrls) {
  TempDir dir;
  FileBlobStore store(dir.path);
  auto r = store.presign(key(), app::PresignMethod::get, std::chrono::seconds(60), {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::failed_precondition);
}

TEST(Sha256, StreamedMatchesWhole) {
  Sha256 sha;
  sha.update("hello ");
  sha.update("world");
  EXPECT_EQ(sha.hex(), platform::sha256_hex("hello world"));
}

// An upload spooled on the same filesystem is linked into place, not copied: the object is the
// spooled file's bytes, and stays when the spool file goes.
TEST(FileBlobStore, AdoptLinksAFileOnTheSameFilesystem) {
  TempDir dir;
  FileBlobStore store(dir.path / "blobs");
  fs::create_directories(dir.path / "spool");
  auto spooled = dir.path / "spool" / "upload";
  {
    std::FILE* f = std::fopen(spooled.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("the bytes of a payslip", f);
    std::fclose(f);
  }
  app::BlobInfo stored;
  auto adopted = store.adopt(key(), spooled, stored);
  ASSERT_TRUE(adopted.ok()) << adopted.error().detail;
  ASSERT_TRUE(*adopted);
  EXPECT_EQ(stored.size, 22u);
  EXPECT_FALSE(stored.etag.empty());
  EXPECT_EQ(fs::hard_link_count(spooled), 2u) << "linked, not copied";
  fs::remove(spooled);
  EXPECT_EQ(read_all(store, key()), "the bytes of a payslip");
  auto head = store.head(key());
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->etag, stored.etag);
  // No temporary file is left beside the object.
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir.path / "blobs"))
    if (e.is_regular_file()) ++files;
  EXPECT_EQ(files, 1);
}

// A file on another filesystem (/dev/shm is memory) cannot be linked: the caller is told to copy.
TEST(FileBlobStore, AdoptDeclinesAFileOnAnotherFilesystem) {
  TempDir dir;
  FileBlobStore store(dir.path / "blobs");
  fs::create_directories(dir.path);
  struct stat shm {
  }, here{};
  if (::stat("/dev/shm", &shm) != 0 || ::stat(dir.path.c_str(), &here) != 0 || shm.st_dev == here.st_dev)
    GTEST_SKIP() << "no second filesystem here";
  auto elsewhere = fs::path("/dev/shm") / ("cma-adopt-" + platform::to_hex(platform::random_bytes(6)));
  {
    std::FILE* f = std::fopen(elsewhere.c_str(), "wb");
    if (f == nullptr) GTEST_SKIP() << "/dev/shm is not writable";
    std::fputs("bytes", f);
    std::fclose(f);
  }
  app::BlobInfo stored;
  auto adopted = store.adopt(key(), elsewhere, stored);
  fs::remove(elsewhere);
  ASSERT_TRUE(adopted.ok()) << adopted.error().detail;
  EXPECT_FALSE(*adopted) << "declined: the caller copies";
  EXPECT_FALSE(store.head(key()).ok()) << "nothing stored";
}

}  // namespace cma::blob
