#pragma once
// The content sniffer over libmagic: a file's MIME type judged by its bytes alone.
#include <memory>
#include <mutex>

#include "app/documents/ports.hpp"

namespace cma::blob {

class MagicSniffer final : public app::ContentSniffer {
 public:
  // How much of the start of a file libmagic reads to judge its type.
  static constexpr std::size_t kSniffBytes = 1024 * 1024;

  // Loads the system's magic database; throws std::runtime_error when it cannot.
  MagicSniffer();
  ~MagicSniffer() override;
  // "application/octet-stream" when libmagic cannot tell.
  std::string sniff(const std::filesystem::path& file) override;

 private:
  struct Handle;
  std::unique_ptr<Handle> handle_;
  std::mutex mu_;  // a magic_t is not safe to share between threads
};

}  // namespace cma::blob
