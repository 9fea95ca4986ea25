#pragma once
// Keyset pagination: the cursor is the opaque form of the last id on the page.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/model.hpp"
#include "domain/result.hpp"

namespace cma::app {

inline constexpr int kMaxPageSize = 100;
inline constexpr int kDefaultPageSize = 50;

std::string encode_cursor(const std::string& id);
// Parses `limit` and `cursor` query values; errors name the field.
Result<PageRequest> parse_page(const std::optional<std::string>& limit, const std::optional<std::string>& cursor);

// Lists sorted by something other than the id (names, dates) page by (sort key, id). Their cursors
// also name the list and its sort, so a cursor from another list is refused, not misread.
struct KeysetRequest {
  int limit = kDefaultPageSize;
  bool has_cursor = false;
  std::string after_key;
  std::string after_id;
};
std::string encode_keyset_cursor(std::string_view list, const std::string& key, const std::string& id);
Result<KeysetRequest> parse_keyset_page(std::string_view list, const std::optional<std::string>& limit,
                                        const std::optional<std::string>& cursor);

template <class T, class KeyOf, class IdOf>
Page<T> make_keyset_page(std::vector<T> rows, std::string_view list, int limit, KeyOf key_of, IdOf id_of) {
  Page<T> page;
  if (rows.size() > static_cast<std::size_t>(limit)) {
    rows.resize(static_cast<std::size_t>(limit));
    page.next_cursor = encode_keyset_cursor(list, key_of(rows.back()), id_of(rows.back()));
  }
  page.items = std::move(rows);
  return page;
}

// `rows` was fetched with limit + 1: the extra row only says whether there is a next page.
template <class T, class IdOf>
Page<T> make_page(std::vector<T> rows, int limit, IdOf id_of) {
  Page<T> page;
  if (rows.size() > static_cast<std::size_t>(limit)) {
    rows.resize(static_cast<std::size_t>(limit));
    page.next_cursor = encode_cursor(id_of(rows.back()));
  }
  page.items = std::move(rows);
  return page;
}

}  // namespace cma::app
