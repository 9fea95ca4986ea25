#pragma once
// Reading the text out of a document's bytes (docs/documents.md): a PDF's text layer page by page,
// OCR of a scanned image, a Word document's paragraphs, an Excel workbook's cells, a plain-text file
// as it is. The adapter (server/src/extract) does the
// work; the extraction use case (app/documents/extraction.hpp) decides what is stored.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>

namespace cma::app {

// What one extraction may cost. A document past a limit is cut short (pages, text) or refused
// (pixels), so a hostile file cannot take the worker's memory or time.
struct ExtractionLimits {
  int max_pages = 200;                                 // pages of a PDF or a multi-page TIFF read
  std::size_t max_text_bytes = 1024 * 1024;            // text kept, cut at a character boundary
  std::int64_t max_image_pixels = 40LL * 1000 * 1000;  // an image (or TIFF page) larger is refused
  int max_ocr_pages = 50;                              // scanned pages of a PDF read by OCR
  double ocr_dpi = 300;                                // a scanned PDF page is rendered at this resolution
  std::int64_t max_unpacked_bytes = 256LL << 20;       // XML unpacked from a DOCX or XLSX (a ZIP archive)
};

struct Extraction {
  enum class Outcome { done, failed, not_applicable };
  Outcome outcome = Outcome::done;
  std::string text;                  // valid UTF-8, at most max_text_bytes
  std::optional<double> confidence;  // OCR only: the mean word confidence, 0 to 100
  std::string error;                 // failed: why, in words an adviser can read
  int pages = 0;                     // pages (or images) read
  bool truncated = false;            // pages or text were cut at a limit

  static Extraction failed(std::string why) {
    Extraction e;
    e.outcome = Outcome::failed;
    e.error = std::move(why);
    return e;
  }
  static Extraction not_applicable() {
    Extraction e;
    e.outcome = Outcome::not_applicable;
    return e;
  }
};

// Safe to call from several threads at once: each call uses its own parser and OCR engine.
class TextExtractor {
 public:
  virtual ~TextExtractor() = default;
  // `content_type` is the stored (sniffed) type. A file the extractor cannot read is a failed
  // outcome with its reason, never an exception; exceptions mean the machine itself failed
  // (out of memory, OCR data missing) and the job is tried again.
  virtual Extraction extract(const std::filesystem::path& file, const std::string& content_type) = 0;
};

}  // namespace cma::app
