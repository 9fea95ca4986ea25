// libmagic judges a file by its bytes: the name and the declared type play no part.
#include "blob/content_sniffer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "domain/documents/document_rules.hpp"

namespace cma::blob {

namespace {

std::string sniff_bytes(MagicSniffer& s, const std::string& name, const std::string& bytes) {
  auto dir = std::filesystem::temp_directory_path() / ("cma-sniff-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = dir / name;
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  auto type = s.sniff(path);
  std::filesystem::remove_all(dir);
  return type;
}

}  // namespace

TEST(ContentSniffer, KnownKindsAreRecognisedByTheirBytes) {
  MagicSniffer s;
  EXPECT_EQ(sniff_bytes(s, "x.bin", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"), "application/pdf");
  EXPECT_EQ(sniff_bytes(s, "x.bin", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0", 29)),
            "image/png");
  EXPECT_EQ(sniff_bytes(s, "x.bin", "Dear advisor,\nplease find my statement attached.\n"), "text/plain");
}

TEST(ContentSniffer, AnExecutableNamedPdfIsAnExecutable) {
  MagicSniffer s;
  std::ifstream self("/proc/self/exe", std::ios::binary);
  std::string elf(4096, '\0');
  self.read(elf.data(), static_cast<std::streamsize>(elf.size()));
  auto type = sniff_bytes(s, "statement.pdf", elf);
  EXPECT_NE(type, "application/pdf");
  EXPECT_FALSE(domain::accepted_content_type(type)) << type;
}

}  // namespace cma::blob
