#include "platform/utf8.hpp"

namespace cma::platform {

namespace {

struct Step {
  std::size_t length;  // bytes taken: the character, or the maximal subpart of an ill-formed one
  bool valid;
};

// Reads the character starting at s[i] (i < s.size()).
Step next(std::string_view s, std::size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {1, true};
  std::size_t need;                    // continuation bytes
  unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range, narrower for some lead bytes
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0) lo = 0xA0;  // else overlong
    if (b == 0xED) hi = 0x9F;  // else a surrogate
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0) lo = 0x90;  // else overlong
    if (b == 0xF4) hi = 0x8F;  // else above U+10FFFF
  } else {
    return {1, false};  // a continuation byte, C0/C1 (always overlong) or F5..FF
  }
  std::size_t len = 1;
  for (std::size_t k = 0; k < need; ++k, ++len) {
    if (i + len >= s.size()) return {len, false};
    auto c = static_cast<unsigned char>(s[i + len]);
    if (k == 0 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return {len, false};
  }
  return {len, true};
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    // ASCII runs are the common case.
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    auto step = next(s, i);
    if (!step.valid) return i;
    i += step.length;
  }
  return std::string_view::npos;
}

std::string_view truncate_utf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t i = 0;
  while (i < s.size()) {
    auto step = next(s, i);
    std::size_t len = step.valid ? step.length : 1;
    if (i + len > max_bytes) break;
    i += len;
  }
  return s.substr(0, i);
}

std::string sanitize_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    auto step = next(s, i);
    if (step.valid)
      out.append(s.substr(i, step.length));
    else
      out += "\xEF\xBF\xBD";
    i += step.length;
  }
  return out;
}

}  // namespace cma::platform
