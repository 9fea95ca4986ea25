#include "blob/content_sniffer.hpp"

#include <magic.h>

#include <stdexcept>

namespace cma::blob {

struct MagicSniffer::Handle {
  magic_t cookie = nullptr;
};

MagicSniffer::MagicSniffer() : handle_(std::make_unique<Handle>()) {
  // MIME type only; never follow symlinks or look into compressed files.
  handle_->cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR | MAGIC_NO_CHECK_COMPRESS);
  if (handle_->cookie == nullptr) throw std::runtime_error("libmagic could not start");
  // Only the file's start decides its type: libmagic 5.44 would otherwise read (and fault in) up to
  // 7 MiB of every upload. 1 MiB, its long-standing default, still holds the entries of an Office
  // file's archive that name it.
  const std::size_t bytes_max = kSniffBytes;
  if (magic_setparam(handle_->cookie, MAGIC_PARAM_BYTES_MAX, &bytes_max) != 0) {
    magic_close(handle_->cookie);
    throw std::runtime_error("libmagic refused its read limit");
  }
  if (magic_load(handle_->cookie, nullptr) != 0) {
    std::string why = magic_error(handle_->cookie) != nullptr ? magic_error(handle_->cookie) : "unknown";
    magic_close(handle_->cookie);
    throw std::runtime_error("libmagic could not load its database: " + why);
  }
}

MagicSniffer::~MagicSniffer() {
  if (handle_->cookie != nullptr) magic_close(handle_->cookie);
}

std::string MagicSniffer::sniff(const std::filesystem::path& file) {
  std::lock_guard lock(mu_);
  const char* type = magic_file(handle_->cookie, file.c_str());
  if (type == nullptr) return "application/octet-stream";
  return type;
}

}  // namespace cma::blob
