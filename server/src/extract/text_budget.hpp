#pragma once
// The pure parts of extraction: text made safe to store (well-formed UTF-8, no control characters
// but line breaks and tabs) and kept within its byte limit as pages are added, and the mean of the
// OCR's word confidences.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cma::extract {

// `raw` as well-formed UTF-8 (ill-formed bytes become U+FFFD), with NUL and the other control
// characters dropped except tab and line feed; carriage returns and form feeds become line feeds.
std::string clean_text(std::string_view raw);

// Text gathered page by page up to a byte limit; the last page that does not fit is cut at a
// character boundary and nothing after it is kept.
class TextBudget {
 public:
  explicit TextBudget(std::size_t max_bytes) : max_(max_bytes) {}
  // Adds a page's text (cleaned) after a blank line; false once the limit is reached.
  bool add_page(std::string_view raw);
  bool full() const { return full_; }
  std::string take() { return std::move(text_); }

 private:
  std::size_t max_;
  std::string text_;
  bool full_ = false;
};

// The mean of the word confidences (each 0..100; negatives, which Tesseract gives for no word, are
// left out), or 0 when there is none.
double mean_confidence(const std::vector<int>& word_confidences);

}  // namespace cma::extract
