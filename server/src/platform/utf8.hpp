#pragma once
// UTF-8 checks for text that arrives from outside. PostgreSQL refuses text that is not valid UTF-8
// (where SQLite stores it), and a JSON document is only valid if its strings are, so the HTTP edge
// checks once and nothing further in has to.
//
// Well-formed means RFC 3629 (Unicode table 3-7): no overlong forms, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF, no sequence cut short.
#include <cstddef>
#include <string>
#include <string_view>

namespace cma::platform {

// The offset of the first byte that does not begin a well-formed character, or npos if there is none.
std::size_t first_invalid_utf8(std::string_view s);

inline bool is_valid_utf8(std::string_view s) {
  return first_invalid_utf8(s) == std::string_view::npos;
}

// The longest prefix of `s` of at most `max_bytes` bytes that does not end inside a character.
// On text that is not valid UTF-8, each byte that begins no well-formed character counts as one.
std::string_view truncate_utf8(std::string_view s, std::size_t max_bytes);

// `s` with each ill-formed sequence replaced by U+FFFD, one per maximal subpart as Unicode
// recommends (so "\xE2\x82" becomes one U+FFFD, and "\xFF\xFE" two). Valid text comes back unchanged.
std::string sanitize_utf8(std::string_view s);

}  // namespace cma::platform
