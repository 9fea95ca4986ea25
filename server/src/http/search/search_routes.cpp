#include <charconv>

#include "app/search/search.hpp"
#include "http/routes/routes.hpp"
#include "http/search/json.hpp"

namespace cma::http::routes {

void add_search_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/search", {}, [&s](Request& req, const Caller& c) {
    int limit = 20;
    if (auto text = req.query_value("limit")) {
      auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
      if (ec != std::errc() || ptr != text->data() + text->size())
        return problem(Error::invalid_field("limit", "must be a whole number from 1 to 50"), req);
    }
    auto result = app::search(s.deps, c.actor, req.query_value("q").value_or(""), req.query_value("kind").value_or(""),
                              req.query_value("centreId").value_or(""), limit);
    if (!result) return problem(result.error(), req);
    return reply(Result<SearchResults>(SearchResults{std::move(*result)}), req);
  });
}

}  // namespace cma::http::routes
