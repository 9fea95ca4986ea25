#include "extract/text_extractor.hpp"

#include <leptonica/allheaders.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "extract/office_text.hpp"
#include "extract/text_budget.hpp"

namespace cma::extract {

namespace {

void extract_quiet_poppler(const std::string&, void*) {}

// Poppler and Leptonica report damaged input on stderr; the outcome is recorded instead. Debian's
// Tesseract is built with OpenMP, whose threads per page only contend with the worker's own runners
// (each extracting a document) on a small machine: one thread per page unless OMP_THREAD_LIMIT says
// otherwise. Set before the first engine starts the OpenMP runtime.
void extract_setup_libraries() {
  static std::once_flag once;
  std::call_once(once, [] {
    ::setenv("OMP_THREAD_LIMIT", "1", 0);
    poppler::set_debug_error_function(extract_quiet_poppler, nullptr);
    setMsgSeverity(L_SEVERITY_NONE);
  });
}

struct ExtractPixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using ExtractPix = std::unique_ptr<Pix, ExtractPixDeleter>;

// One OCR engine for one call.
class ExtractOcr {
 public:
  ExtractOcr() {
    if (api_.Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY) != 0)
      throw std::runtime_error("the OCR engine could not start (is tesseract-ocr-eng installed?)");
    api_.SetVariable("debug_file", "/dev/null");
  }
  ~ExtractOcr() { api_.End(); }
  ExtractOcr(const ExtractOcr&) = delete;
  ExtractOcr& operator=(const ExtractOcr&) = delete;

  // The page's text; its words' confidences are appended to `confidences`.
  std::string read(Pix* pix, std::vector<int>& confidences) {
    api_.SetImage(pix);
    // Images without a resolution are taken as scans at 300 dpi (Tesseract guesses otherwise).
    if (pixGetXRes(pix) < 70) api_.SetSourceResolution(300);
    std::unique_ptr<char[]> text(api_.GetUTF8Text());
    if (!text) throw std::runtime_error("the OCR engine failed on a page");
    std::unique_ptr<int[]> confs(api_.AllWordConfidences());
    if (confs)
      for (int* c = confs.get(); *c != -1; ++c) confidences.push_back(*c);
    api_.Clear();
    return text.get();
  }

 private:
  tesseract::TessBaseAPI api_;
};

// A page with no more than this many letters or digits in its text layer is taken as a scan.
constexpr int kScannedPageMaxChars = 8;

int visible_chars(std::string_view utf8) {
  return static_cast<int>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }));
}

// A rendered page as an 8-bit grey Leptonica image at `dpi`.
ExtractPix gray_pix(const poppler::image& image, double dpi) {
  if (!image.is_valid() || image.format() != poppler::image::format_gray8) return nullptr;
  ExtractPix pix(pixCreate(image.width(), image.height(), 8));
  if (!pix) return nullptr;
  const char* src = image.const_data();
  l_uint32* data = pixGetData(pix.get());
  const l_int32 wpl = pixGetWpl(pix.get());
  for (int y = 0; y < image.height(); ++y) {
    const auto* row =
        reinterpret_cast<const unsigned char*>(src + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row());
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < image.width(); ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  auto res = static_cast<l_int32>(std::lround(dpi));
  pixSetResolution(pix.get(), res, res);
  return pix;
}

class PopplerTesseract final : public app::TextExtractor {
 public:
  explicit PopplerTesseract(app::ExtractionLimits limits) : limits_(limits) {
    extract_setup_libraries();
    ExtractOcr check;  // fails now, at start-up, when the OCR data is missing
  }

  app::Extraction extract(const std::filesystem::path& file, const std::string& content_type) override {
    if (content_type == "application/pdf") return pdf(file);
    if (content_type == "image/png" || content_type == "image/jpeg") return image(file);
    if (content_type == "image/tiff") return tiff(file);
    if (content_type == "text/plain") return plain(file);
    if (content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      return office_text(file, OfficeKind::docx, limits_);
    if (content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      return office_text(file, OfficeKind::xlsx, limits_);
    return app::Extraction::not_applicable();
  }

 private:
  app::Extraction pdf(const std::filesystem::path& file) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file.string()));
    if (!doc) return app::Extraction::failed("The PDF could not be read: it is damaged or not a PDF.");
    if (doc->is_locked()) return app::Extraction::failed("The PDF is protected by a password.");
    int pages = doc->pages();
    if (pages <= 0) return app::Extraction::failed("The PDF has no pages that could be read.");
    app::Extraction out;
    TextBudget text(limits_.max_text_bytes);
    // A page without a text layer (a scan, or a photo saved as PDF) is rendered and read by OCR;
    // the engine starts at the first such page.
    std::unique_ptr<ExtractOcr> engine;
    std::vector<int> confidences;
    int scanned = 0;
    bool ocr_cut = false;
    for (int i = 0; i < pages && i < limits_.max_pages; ++i) {
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      ++out.pages;
      if (!page) continue;
      auto utf8 = page->text().to_utf8();
      std::string_view layer(utf8.data(), utf8.size());
      if (visible_chars(layer) > kScannedPageMaxChars) {
        if (!text.add_page(layer)) break;
        continue;
      }
      if (scanned >= limits_.max_ocr_pages) {
        ocr_cut = true;
        continue;
      }
      ++scanned;
      auto pix = render(*page);
      if (!pix) {
        if (!text.add_page(layer)) break;
        continue;
      }
      if (!engine) engine = std::make_unique<ExtractOcr>();
      if (!text.add_page(engine->read(pix.get(), confidences))) break;
    }
    out.truncated = text.full() || pages > limits_.max_pages || ocr_cut;
    out.text = text.take();
    if (scanned > 0) out.confidence = mean_confidence(confidences);
    return out;
  }

  // The page as a scanner would give it: grey, at ocr_dpi, or less when that would make more
  // pixels than an image may have.
  ExtractPix render(const poppler::page& page) const {
    auto box = page.page_rect();
    double w_in = box.width() / 72.0, h_in = box.height() / 72.0;
    if (!(w_in > 0) || !(h_in > 0)) return nullptr;
    double dpi = limits_.ocr_dpi;
    double pixels = w_in * h_in * dpi * dpi;
    if (pixels > static_cast<double>(limits_.max_image_pixels))
      dpi *= std::sqrt(static_cast<double>(limits_.max_image_pixels) / pixels) * 0.99;
    if (dpi < 50) return nullptr;  // a page too large to read at any useful resolution
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    return gray_pix(renderer.render_page(&page, dpi, dpi), dpi);
  }

  std::optional<std::string> too_large(std::int64_t w, std::int64_t h) const {
    if (w <= 0 || h <= 0) return "The image has no size that could be read.";
    if (w * h > limits_.max_image_pixels)
      return "The image is " + std::to_string(w) + " x " + std::to_string(h) + " pixels, more than the limit of " +
             std::to_string(limits_.max_image_pixels / 1000000) + " million for text recognition.";
    return std::nullopt;
  }

  app::Extraction image(const std::filesystem::path& file) {
    l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
    if (pixReadHeader(file.c_str(), &format, &w, &h, &bps, &spp, &cmap) != 0)
      return app::Extraction::failed("The image could not be read: it is damaged.");
    if (auto why = too_large(w, h)) return app::Extraction::failed(*why);
    ExtractPix pix(pixRead(file.c_str()));
    if (!pix) return app::Extraction::failed("The image could not be read: it is damaged.");
    return ocr({pix.get()}, 1);
  }

  app::Extraction tiff(const std::filesystem::path& file) {
    l_int32 count = 0;
    {
      std::FILE* f = std::fopen(file.c_str(), "rb");
      if (f == nullptr) throw std::runtime_error("the document's bytes could not be opened");
      auto rc = tiffGetCount(f, &count);
      std::fclose(f);
      if (rc != 0 || count <= 0) return app::Extraction::failed("The TIFF image could not be read: it is damaged.");
    }
    int pages = std::min<int>(count, limits_.max_pages);
    std::vector<ExtractPix> owned;
    std::vector<Pix*> pixes;
    // Every page's size is checked before any is decoded.
    for (int i = 0; i < pages; ++i) {
      l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
      if (readHeaderTiff(file.c_str(), i, &w, &h, &bps, &spp, &res, &cmap, &format) != 0)
        return app::Extraction::failed("The TIFF image could not be read: page " + std::to_string(i + 1) +
                                       " is damaged.");
      if (auto why = too_large(w, h)) return app::Extraction::failed(*why);
    }
    ExtractOcr engine;
    std::vector<int> confidences;
    TextBudget text(limits_.max_text_bytes);
    app::Extraction out;
    for (int i = 0; i < pages; ++i) {
      ExtractPix pix(pixReadTiff(file.c_str(), i));
      if (!pix)
        return app::Extraction::failed("The TIFF image could not be read: page " + std::to_string(i + 1) +
                                       " is damaged.");
      ++out.pages;
      if (!text.add_page(engine.read(pix.get(), confidences))) break;
    }
    out.truncated = text.full() || count > limits_.max_pages;
    out.text = text.take();
    out.confidence = mean_confidence(confidences);
    return out;
  }

  app::Extraction ocr(const std::vector<Pix*>& pages, int count) {
    ExtractOcr engine;
    std::vector<int> confidences;
    TextBudget text(limits_.max_text_bytes);
    app::Extraction out;
    for (int i = 0; i < count; ++i) {
      ++out.pages;
      if (!text.add_page(engine.read(pages[static_cast<std::size_t>(i)], confidences))) break;
    }
    out.truncated = text.full();
    out.text = text.take();
    out.confidence = mean_confidence(confidences);
    return out;
  }

  app::Extraction plain(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("the document's bytes could not be opened");
    // One byte more than the limit tells whether it was cut.
    std::string raw(limits_.max_text_bytes + 1, '\0');
    in.read(raw.data(), static_cast<std::streamsize>(raw.size()));
    raw.resize(static_cast<std::size_t>(in.gcount()));
    app::Extraction out;
    out.pages = 1;
    TextBudget text(limits_.max_text_bytes);
    text.add_page(raw);
    out.truncated = text.full();
    out.text = text.take();
    return out;
  }

  app::ExtractionLimits limits_;
};

}  // namespace

std::unique_ptr<app::TextExtractor> make_text_extractor(app::ExtractionLimits limits) {
  return std::make_unique<PopplerTesseract>(limits);
}

}  // namespace cma::extract
