#include "extract/text_budget.hpp"

#include "platform/utf8.hpp"

namespace cma::extract {

std::string clean_text(std::string_view raw) {
  std::string valid = platform::sanitize_utf8(raw);
  std::string out;
  out.reserve(valid.size());
  for (char ch : valid) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\r' || c == '\f' || c == '\v')
      out.push_back('\n');
    else if (c == '\n' || c == '\t' || c >= 0x20)
      out.push_back(ch == 0x7f ? ' ' : ch);
  }
  return out;
}

bool TextBudget::add_page(std::string_view raw) {
  if (full_) return false;
  std::string page = clean_text(raw);
  std::string_view sep = text_.empty() || page.empty() ? "" : "\n\n";
  if (text_.size() + sep.size() + page.size() > max_) {
    std::size_t room = max_ > text_.size() + sep.size() ? max_ - text_.size() - sep.size() : 0;
    if (room > 0) text_.append(sep).append(platform::truncate_utf8(page, room));
    full_ = true;
    return false;
  }
  text_.append(sep).append(page);
  return true;
}

double mean_confidence(const std::vector<int>& word_confidences) {
  double sum = 0;
  int n = 0;
  for (int c : word_confidences) {
    if (c < 0) continue;
    sum += c > 100 ? 100 : c;
    ++n;
  }
  return n == 0 ? 0.0 : sum / n;
}

}  // namespace cma::extract
