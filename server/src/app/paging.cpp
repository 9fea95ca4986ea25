#include "app/paging.hpp"

#include <charconv>

#include "platform/crypto.hpp"
#include "platform/ids.hpp"
#include "platform/utf8.hpp"

namespace cma::app {

std::string encode_cursor(const std::string& id) {
  return platform::base64url_encode("v1:" + id);
}

std::string encode_keyset_cursor(std::string_view list, const std::string& key, const std::string& id) {
  return platform::base64url_encode("v2\n" + std::string(list) + "\n" + key + "\n" + id);
}

namespace {
Result<int> parse_limit(const std::optional<std::string>& limit) {
  if (!limit) return kDefaultPageSize;
  int n = 0;
  auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
  if (ec != std::errc() || ptr != limit->data() + limit->size() || n < 1 || n > kMaxPageSize)
    return Error::invalid_field("limit", "must be a whole number from 1 to " + std::to_string(kMaxPageSize));
  return n;
}
}  // namespace

Result<KeysetRequest> parse_keyset_page(std::string_view list, const std::optional<std::string>& limit,
                                        const std::optional<std::string>& cursor) {
  KeysetRequest p;
  std::vector<FieldError> errors;
  auto n = parse_limit(limit);
  if (n)
    p.limit = *n;
  else
    errors.push_back(n.error().field_errors.front());
  if (cursor && !cursor->empty()) {
    auto raw = platform::base64url_decode(*cursor);
    std::string prefix = "v2\n" + std::string(list) + "\n";
    bool ok = false;
    if (raw && raw->rfind(prefix, 0) == 0) {
      auto rest = raw->substr(prefix.size());
      auto nl = rest.rfind('\n');
      if (nl != std::string::npos && platform::is_uuid(rest.substr(nl + 1)) && rest.find('\n') == nl && nl <= 512 &&
          platform::is_valid_utf8(rest.substr(0, nl)) && rest.find('\0') == std::string::npos) {
        p.has_cursor = true;
        p.after_key = rest.substr(0, nl);
        p.after_id = rest.substr(nl + 1);
        ok = true;
      }
    }
    if (!ok) errors.push_back({"cursor", "is not a cursor this list returned"});
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  return p;
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
