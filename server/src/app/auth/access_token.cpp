#include "app/auth/access_token.hpp"

#include <boost/json.hpp>

#include "platform/crypto.hpp"

namespace cma::app {

namespace json = boost::json;

namespace {
const std::string& encoded_header() {
  static const std::string h = platform::base64url_encode(R"({"alg":"HS256","typ":"JWT"})");
  return h;
}
}  // namespace

std::string AccessTokenCodec::issue(const AccessClaims& c) const {
  json::object payload;
  payload["sub"] = c.user_id;
  payload["centre"] = c.centre_id;
  payload["role"] = std::string(domain::to_string(c.role));
  payload["iat"] = c.issued_at;
  payload["exp"] = c.expires_at;
  payload["jti"] = c.token_id;
  std::string signing_input = encoded_header() + "." + platform::base64url_encode(json::serialize(payload));
  return signing_input + "." + platform::base64url_encode(platform::hmac_sha256(secret_, signing_input));
}

std::optional<AccessClaims> AccessTokenCodec::verify(std::string_view token, platform::TimePoint now) const {
  if (token.size() > 4096) return std::nullopt;
  auto d1 = token.find('.');
  if (d1 == std::string_view::npos) return std::nullopt;
  auto d2 = token.find('.', d1 + 1);
  if (d2 == std::string_view::npos || token.find('.', d2 + 1) != std::string_view::npos) return std::nullopt;
  // Only our own header is accepted, which rules out "alg":"none" and algorithm confusion.
  if (token.substr(0, d1) != encoded_header()) return std::nullopt;
  auto signing_input = token.substr(0, d2);
  auto signature = platform::base64url_decode(token.substr(d2 + 1));
  if (!signature || !platform::constant_time_equal(*signature, platform::hmac_sha256(secret_, signing_input)))
    return std::nullopt;
  auto payload_text = platform::base64url_decode(token.substr(d1 + 1, d2 - d1 - 1));
  if (!payload_text) return std::nullopt;
  boost::system::error_code ec;
  auto value = json::parse(*payload_text, ec);
  if (ec || !value.is_object()) return std::nullopt;
  const auto& o = value.as_object();
  auto str = [&](const char* k) -> const json::string* {
    auto* v = o.if_contains(k);
    return v && v->is_string() ? &v->as_string() : nullptr;
  };
  auto num = [&](const char* k) -> std::optional<std::int64_t> {
    auto* v = o.if_contains(k);
    if (v && v->is_int64()) return v->as_int64();
    return std::nullopt;
  };
  auto sub = str("sub"), centre = str("centre"), role = str("role"), jti = str("jti");
  auto iat = num("iat"), exp = num("exp");
  if (!sub || !centre || !role || !jti || !iat || !exp) return std::nullopt;
  auto parsed_role = domain::parse_role(std::string_view(role->data(), role->size()));
  if (!parsed_role) return std::nullopt;
  if (*exp <= platform::unix_seconds(now)) return std::nullopt;
  return AccessClaims{std::string(*sub), std::string(*centre), *parsed_role, *iat, *exp, std::string(*jti)};
}

}  // namespace cma::app
