#include "blob/secrets_manager.hpp"

#include <boost/json.hpp>
#include <string_view>
#include <vector>

#include "blob/http_client.hpp"
#include "blob/sigv4.hpp"
#include "platform/crypto.hpp"
#include "platform/xray.hpp"

namespace cma::blob {

std::optional<std::string> password_of_secret(const std::string& secret_string) {
  boost::system::error_code ec;
  auto v = boost::json::parse(secret_string, ec);
  if (!ec && v.is_object()) {
    const auto* p = v.as_object().if_contains("password");
    if (p == nullptr || !p->is_string() || p->as_string().empty()) return std::nullopt;
    return std::string(p->as_string());
  }
  if (secret_string.empty()) return std::nullopt;
  return secret_string;
}

SecretsManagerPassword::SecretsManagerPassword(std::string secret_arn, std::string region, std::string endpoint,
                                               std::unique_ptr<CredentialsProvider> credentials)
    : arn_(std::move(secret_arn)),
      region_(std::move(region)),
      endpoint_(std::move(endpoint)),
      credentials_(std::move(credentials)) {
  if (endpoint_.empty()) endpoint_ = "https://secretsmanager." + region_ + ".amazonaws.com";
  while (!endpoint_.empty() && endpoint_.back() == '/') endpoint_.pop_back();
  auto scheme_end = endpoint_.find("://");
  host_ = scheme_end == std::string::npos ? endpoint_ : endpoint_.substr(scheme_end + 3);
}

std::size_t SecretsManagerPassword::reads() const {
  std::lock_guard lock(mu_);
  return reads_;
}

Result<std::string> SecretsManagerPassword::get(const std::string* refused) {
  std::lock_guard lock(mu_);  // one read at a time; the others wait for it and share its answer
  if (password_) {
    if (refused == nullptr || *refused != *password_) return *password_;  // none refused, or already replaced
    if (std::chrono::steady_clock::now() < quiet_until_) return *password_;
  }
  auto fresh = read_secret();
  if (!fresh) return password_ ? Result<std::string>(*password_) : fresh;
  ++reads_;
  if (refused != nullptr && *fresh == *refused)
    quiet_until_ = std::chrono::steady_clock::now() + quiet_after_unchanged_;
  password_ = *fresh;
  return *password_;
}

Result<std::string> SecretsManagerPassword::read_secret() {
  platform::xray::Span span("SecretsManager", "aws");
  span.set_aws("GetSecretValue", region_);
  auto creds = credentials_->get();
  if (!creds) return creds.error();
  std::string body = boost::json::serialize(boost::json::object{{"SecretId", arn_}});
  sigv4::Request req;
  req.method = "POST";
  req.path = "/";
  req.headers = {{"Host", host_},
                 {"Content-Type", "application/x-amz-json-1.1"},
                 {"X-Amz-Target", "secretsmanager.GetSecretValue"}};
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  sigv4::sign_headers(req, *creds, {region_, "secretsmanager", sigv4::amz_date(now.count())},
                      platform::sha256_hex(body));
  HttpRequest http;
  http.method = "POST";
  http.url = endpoint_ + "/";
  http.body = body;
  http.send_body = true;
  http.connect_timeout_seconds = 5;
  http.stall_seconds = 10;
  for (const auto& [name, value] : req.headers)
    if (name != "Host") http.headers.emplace_back(name, value);
  auto resp = http_perform(http);
  span.set_http("POST", static_cast<int>(resp.status));
  if (resp.status == 0) return Error::unavailable("Secrets Manager could not be reached: " + resp.transport_error);
  boost::system::error_code ec;
  auto v = boost::json::parse(resp.body, ec);
  if (resp.status != 200) {
    std::string type = !ec && v.is_object() && v.as_object().contains("__type") && v.at("__type").is_string()
                           ? std::string(v.at("__type").as_string())
                           : "HTTP " + std::to_string(resp.status);
    return Error::unavailable("Secrets Manager refused to read the database secret: " + type);
  }
  if (ec || !v.is_object() || !v.as_object().contains("SecretString") || !v.at("SecretString").is_string())
    return Error::unavailable("Secrets Manager's answer holds no SecretString");
  auto password = password_of_secret(std::string(v.at("SecretString").as_string()));
  if (!password) return Error::unavailable("the database secret holds no password");
  return *password;
}

}  // namespace cma::blob
