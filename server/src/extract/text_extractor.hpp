#pragma once
// The text extractor over poppler-cpp (a PDF's text layer, or its pages rendered when they have
// none) and Tesseract with Leptonica (OCR of scanned PDF pages and of PNG, JPEG and TIFF images,
// English, from the system's tessdata). Each call makes its own
// document and OCR engine (neither is safe to share between threads), so any number of worker
// threads may call at once.
#include <memory>

#include "app/documents/text_extractor.hpp"

namespace cma::extract {

// Throws std::runtime_error when the OCR engine cannot start (no English traineddata installed).
std::unique_ptr<app::TextExtractor> make_text_extractor(app::ExtractionLimits limits = {});

}  // namespace cma::extract
