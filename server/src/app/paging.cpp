#include "app/paging.hpp"

#include <charconv>

#include "platform/crypto.hpp"
#include "platform/ids.hpp"

namespace cma::app {

std::string encode_cursor(const std::string& id) {
  return platform::base64url_encode("v1:" + id);
}

Result<PageRequest> parse_page(const std::optional<std::string>& limit, const std::optional<std::string>& cursor) {
  PageRequest p;
  std::vector<FieldError> errors;
  if (limit) {
    int n = 0;
    auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
    if (ec != std::errc() || ptr != limit->data() + limit->size() || n < 1 || n > kMaxPageSize)
      errors.push_back({"limit", "must be a whole number from 1 to " + std::to_string(kMaxPageSize)});
    else
      p.limit = n;
  }
  if (cursor && !cursor->empty()) {
    auto raw = platform::base64url_decode(*cursor);
    if (!raw || raw->rfind("v1:", 0) != 0 || !platform::is_uuid(raw->substr(3)))
      errors.push_back({"cursor", "is not a cursor this API returned"});
    else
      p.after_id = raw->substr(3);
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  return p;
}

}  // namespace cma::app
