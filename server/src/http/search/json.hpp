#pragma once
// The JSON shape of search results, as api/openapi.yaml describes it.
#include <vector>

#include "app/search/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

struct SearchResults {
  std::vector<app::SearchResult> items;
};

template <>
struct Json<SearchResults> {
  static void write(JsonWriter& w, const SearchResults& r);
};

}  // namespace cma::http
