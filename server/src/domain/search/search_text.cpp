#include "domain/search/search_text.hpp"

#include <algorithm>
#include <cstdint>

namespace cma::domain {

namespace {

// Decodes one UTF-8 character at `i` (input already valid UTF-8); returns its length.
std::size_t decode(std::string_view s, std::size_t i, std::uint32_t& cp) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  if (i + n > s.size()) {
    cp = 0xFFFD;
    return 1;
  }
  cp = b & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return n;
}

void encode(std::uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The folded form of one character: ASCII lower case, Latin-1 and Latin Extended-A letters to their
// base letter (ß → ss, æ → ae, œ → oe, ø → o, ł → l), anything else as it is.
std::string fold_char(std::uint32_t cp) {
  if (cp < 0x80) return std::string(1, static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
  // U+00C0 .. U+00FF: the base letter, or \0 where the character is kept (×, ÷) or spelt out.
  static const char kLatin1[] = "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0\0aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y";
  if (cp >= 0xC0 && cp <= 0xFF) {
    if (cp == 0xC6 || cp == 0xE6) return "ae";
    if (cp == 0xDF) return "ss";
    if (cp == 0xDE || cp == 0xFE) return "th";
    char c = kLatin1[cp - 0xC0];
    if (c != 0) return std::string(1, c);
    std::string kept;
    encode(cp, kept);
    return kept;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    // U+0100 .. U+017F: the base letter (ligatures spelt out below).
    static const char kExtA[] =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii\0\0jjkkkllllllllllnnnnnnnnnoooooo\0\0rrrrrrssssssssttttttuu"
        "uuuuuuuuuuwwyyyzzzzzzs";
    if (cp == 0x152 || cp == 0x153) return "oe";
    if (cp == 0x132 || cp == 0x133) return "ij";
    char c = kExtA[cp - 0x100];
    if (c != 0) return std::string(1, c);
  }
  std::string kept;
  encode(cp, kept);
  return kept;
}

bool word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80;
}

}  // namespace

FoldedText fold_for_search(std::string_view text) {
  FoldedText out;
  out.folded.reserve(text.size());
  out.at.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    auto n = decode(text, i, cp);
    auto f = fold_char(cp);
    for (char c : f) {
      out.folded.push_back(c);
      out.at.push_back(i);
    }
    i += n;
  }
  return out;
}

std::vector<std::string> search_words(std::string_view query, std::size_t max_words) {
  auto folded = fold_for_search(query).folded;
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && words.size() < max_words && word.size() <= 40 &&
        std::find(words.begin(), words.end(), word) == words.end())
      words.push_back(word);
    word.clear();
  };
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      word.push_back(c);
    else
      flush();  // punctuation, spaces and letters beyond Latin separate words
  }
  flush();
  return words;
}

std::string search_index_text(std::string_view text) {
  std::string out;
  for (const auto& w : search_words(text, static_cast<std::size_t>(-1))) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

std::vector<SnippetPart> search_snippet(std::string_view original, const std::vector<std::string>& words,
                                        std::size_t width) {
  auto f = fold_for_search(original);
  // Matches: a word start in the folded text where a query word begins.
  std::vector<std::pair<std::size_t, std::size_t>> hits;  // original byte ranges
  for (std::size_t i = 0; i < f.folded.size(); ++i) {
    if (i > 0 && word_byte(f.folded[i - 1])) continue;
    for (const auto& w : words) {
      if (f.folded.compare(i, w.size(), w) != 0) continue;
      std::size_t end = i + w.size();
      while (end < f.folded.size() && word_byte(f.folded[end])) ++end;  // the whole word
      std::size_t from = f.at[i];
      std::size_t to = end < f.at.size() ? f.at[end] : original.size();
      hits.emplace_back(from, to);
      i = end - 1;
      break;
    }
  }
  auto boundary = [&](std::size_t pos) {  // back to the start of a UTF-8 character
    while (pos > 0 && pos < original.size() && (static_cast<unsigned char>(original[pos]) & 0xC0) == 0x80) --pos;
    return pos;
  };
  std::size_t start = 0;
  if (!hits.empty() && hits.front().first > width / 3) {
    start = boundary(hits.front().first - width / 3);
    // Begin at a word: after the first space between here and the match, if there is one.
    auto space = original.find(' ', start);
    if (space != std::string_view::npos && space < hits.front().first) start = space + 1;
  }
  std::size_t stop = std::min(original.size(), start + width);
  stop = boundary(stop);
  std::vector<SnippetPart> parts;
  auto add = [&](std::size_t a, std::size_t b, bool match) {
    if (b <= a) return;
    std::string text(original.substr(a, b - a));
    for (auto& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (!parts.empty() && parts.back().match == match)
      parts.back().text += text;
    else
      parts.push_back({std::move(text), match});
  };
  if (start > 0) parts.push_back({"…", false});
  std::size_t pos = start;
  for (const auto& [a, b] : hits) {
    if (b <= pos || a >= stop) continue;
    add(pos, std::max(pos, a), false);
    add(std::max(pos, a), std::min(b, stop), true);
    pos = std::min(b, stop);
  }
  add(pos, stop, false);
  if (stop < original.size()) {
    if (!parts.empty() && !parts.back().match)
      parts.back().text += "…";
    else
      parts.push_back({"…", false});
  }
  return parts;
}

}  // namespace cma::domain
