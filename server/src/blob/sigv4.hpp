#pragma once
// AWS Signature Version 4: the canonical request, the string to sign and the signature, for an
// Authorization header or for a presigned URL's query. Pure: no clock, no I/O, so AWS's published
// test vectors check it exactly (server/tests/unit/data/sigv4/).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cma::blob::sigv4 {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // "" for long-term keys
};

struct Request {
  std::string method;
  std::string path = "/";                                    // not escaped: "/bucket/a key"
  std::vector<std::pair<std::string, std::string>> query;    // not escaped
  std::vector<std::pair<std::string, std::string>> headers;  // as sent; must hold host
};

struct Scope {
  std::string region;
  std::string service;
  std::string amz_date;  // 20150830T123600Z
};

struct Signature {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;      // hex
  std::string authorization;  // the header's value (header signing only)
};

inline constexpr std::string_view kEmptyPayloadHash =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
inline constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";

// RFC 3986 escaping as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ (and '/' when kept).
std::string uri_encode(std::string_view s, bool keep_slash);
std::string canonical_query(const std::vector<std::pair<std::string, std::string>>& query);
// "/a b/c" → "/a%20b/c": the escaped path, as it goes in the URL and the canonical request.
inline std::string canonical_path(std::string_view path) {
  return uri_encode(path, true);
}
// YYYYMMDDTHHMMSSZ for seconds since the epoch.
std::string amz_date(std::int64_t unix_seconds);

// Adds X-Amz-Date (and X-Amz-Security-Token when the credentials have one; before signing when
// `sign_token`, after it otherwise) and then Authorization to `request.headers`. Every header present
// is signed.
Signature sign_headers(Request& request, const Credentials& credentials, const Scope& scope,
                       std::string_view payload_hash, bool sign_token = true);

// Adds the X-Amz-* query parameters of a presigned URL, X-Amz-Signature last. Only the headers
// present (normally just host) are signed.
Signature presign(Request& request, const Credentials& credentials, const Scope& scope, std::int64_t expires_seconds,
                  std::string_view payload_hash = kUnsignedPayload, bool sign_token = true);

}  // namespace cma::blob::sigv4
