#include <cstdio>
#include <stdexcept>
#include <system_error>

#include "app/documents/records.hpp"
#include "platform/crypto.hpp"

namespace cma::app {

SpooledFile::~SpooledFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

std::shared_ptr<SpooledFile> make_spooled_file(const std::filesystem::path& dir) {
  std::error_code ec;
  auto base = dir.empty() ? std::filesystem::temp_directory_path(ec) : dir;
  if (ec) throw std::runtime_error("no temporary directory: " + ec.message());
  for (int attempt = 0; attempt < 8; ++attempt) {
    auto path = base / ("cma-spool-" + platform::to_hex(platform::random_bytes(12)));
    // "x": created here or not at all, never an existing file reused.
    if (std::FILE* f = std::fopen(path.c_str(), "wbx")) {
      std::fclose(f);
      auto spooled = std::make_shared<SpooledFile>(path);
      std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
      return spooled;
    }
    if (!std::filesystem::is_directory(base, ec)) break;
  }
  throw std::runtime_error("cannot create a spool file in " + base.string());
}

}  // namespace cma::app
