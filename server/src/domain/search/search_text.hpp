#pragma once
// Search text: folding (lower case, common Latin accents removed, so "sian" finds "Siân" on both
// databases alike), the words of a query, and the snippet around a match, built here rather than by
// either database so both answer the same.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cma::domain {

struct FoldedText {
  std::string folded;           // lower case, accents removed, other characters kept
  std::vector<std::size_t> at;  // for each byte of `folded`, the byte of the original it came from
};

FoldedText fold_for_search(std::string_view text);

// The words of a query, folded: runs of letters and digits, at most `max_words`, each at most 40
// bytes; everything else separates words.
std::vector<std::string> search_words(std::string_view query, std::size_t max_words = 6);

// What the databases index for a text: all its folded words, separated by single spaces, so that
// SQLite's FTS5 and PostgreSQL's parser split it into the same words.
std::string search_index_text(std::string_view text);

// A stretch of the original text around the first word that matches (a word of the text starting
// with a query word), as parts that are or are not a match; at most about `width` bytes, cut at
// character boundaries, with "…" where it was cut.
struct SnippetPart {
  std::string text;
  bool match = false;
};
std::vector<SnippetPart> search_snippet(std::string_view original, const std::vector<std::string>& words,
                                        std::size_t width = 120);

}  // namespace cma::domain
