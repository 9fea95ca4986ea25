#include "blob/sigv4.hpp"

#include <algorithm>
#include <ctime>
#include <map>

#include "platform/crypto.hpp"

namespace cma::blob::sigv4 {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Trims the value and folds each run of spaces inside it to one.
std::string trim_value(std::string_view v) {
  std::string out;
  bool space = false;
  for (char c : v) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

struct Canonical {
  std::string headers;         // "name:value\n" each, sorted
  std::string signed_headers;  // "a;b;c"
};

Canonical canonical_headers(const std::vector<std::pair<std::string, std::string>>& headers) {
  std::map<std::string, std::string> merged;
  for (const auto& [name, value] : headers) {
    auto key = lower(name);
    auto it = merged.find(key);
    if (it == merged.end()) {
      merged.emplace(key, trim_value(value));
    } else {
      it->second += ',';
      it->second += trim_value(value);
    }
  }
  Canonical c;
  for (const auto& [name, value] : merged) {
    c.headers += name + ':' + value + '\n';
    if (!c.signed_headers.empty()) c.signed_headers += ';';
    c.signed_headers += name;
  }
  return c;
}

std::string credential_scope(const Scope& s) {
  return s.amz_date.substr(0, 8) + '/' + s.region + '/' + s.service + "/aws4_request";
}

std::string signing_key(const Credentials& creds, const Scope& s) {
  auto k = platform::hmac_sha256("AWS4" + creds.secret_access_key, s.amz_date.substr(0, 8));
  k = platform::hmac_sha256(k, s.region);
  k = platform::hmac_sha256(k, s.service);
  return platform::hmac_sha256(k, "aws4_request");
}

Signature compute(const Request& r, const Credentials& creds, const Scope& scope, std::string_view payload_hash,
                  const Canonical& ch) {
  Signature sig;
  sig.canonical_request = r.method + '\n' + canonical_path(r.path) + '\n' + canonical_query(r.query) + '\n' +
                          ch.headers + '\n' + ch.signed_headers + '\n' + std::string(payload_hash);
  sig.string_to_sign = "AWS4-HMAC-SHA256\n" + scope.amz_date + '\n' + credential_scope(scope) + '\n' +
                       platform::sha256_hex(sig.canonical_request);
  sig.signature = platform::to_hex(platform::hmac_sha256(signing_key(creds, scope), sig.string_to_sign));
  return sig;
}

}  // namespace

std::string uri_encode(std::string_view s, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~' || (keep_slash && c == '/')) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string canonical_query(const std::vector<std::pair<std::string, std::string>>& query) {
  std::vector<std::pair<std::string, std::string>> encoded;
  encoded.reserve(query.size());
  for (const auto& [k, v] : query) encoded.emplace_back(uri_encode(k, false), uri_encode(v, false));
  std::sort(encoded.begin(), encoded.end());
  std::string out;
  for (const auto& [k, v] : encoded) {
    if (!out.empty()) out += '&';
    out += k + '=' + v;
  }
  return out;
}

std::string amz_date(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[20];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

Signature sign_headers(Request& request, const Credentials& credentials, const Scope& scope,
                       std::string_view payload_hash, bool sign_token) {
  request.headers.emplace_back("X-Amz-Date", scope.amz_date);
  bool token = !credentials.session_token.empty();
  if (token && sign_token) request.headers.emplace_back("X-Amz-Security-Token", credentials.session_token);
  auto ch = canonical_headers(request.headers);
  auto sig = compute(request, credentials, scope, payload_hash, ch);
  sig.authorization = "AWS4-HMAC-SHA256 Credential=" + credentials.access_key_id + '/' + credential_scope(scope) +
                      ", SignedHeaders=" + ch.signed_headers + ", Signature=" + sig.signature;
  if (token && !sign_token) request.headers.emplace_back("X-Amz-Security-Token", credentials.session_token);
  request.headers.emplace_back("Authorization", sig.authorization);
  return sig;
}

Signature presign(Request& request, const Credentials& credentials, const Scope& scope, std::int64_t expires_seconds,
                  std::string_view payload_hash, bool sign_token) {
  auto ch = canonical_headers(request.headers);
  request.query.emplace_back("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
  request.query.emplace_back("X-Amz-Credential", credentials.access_key_id + '/' + credential_scope(scope));
  request.query.emplace_back("X-Amz-Date", scope.amz_date);
  request.query.emplace_back("X-Amz-Expires", std::to_string(expires_seconds));
  request.query.emplace_back("X-Amz-SignedHeaders", ch.signed_headers);
  bool token = !credentials.session_token.empty();
  if (token && sign_token) request.query.emplace_back("X-Amz-Security-Token", credentials.session_token);
  auto sig = compute(request, credentials, scope, payload_hash, ch);
  if (token && !sign_token) request.query.emplace_back("X-Amz-Security-Token", credentials.session_token);
  request.query.emplace_back("X-Amz-Signature", sig.signature);
  return sig;
}

}  // namespace cma::blob::sigv4
