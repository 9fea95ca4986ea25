#pragma once
// A running API on a fresh database, seeded with two centres and a user per role, plus a small
// HTTP client. The server is the real one (same libraries as `cma serve`) on a free port.
#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/auth/auth_service.hpp"
#include "app/blobs/blob_store.hpp"
#include "app/dashboard/cache.hpp"
#include "app/documents/ports.hpp"
#include "app/jobs/ports.hpp"
#include "app/limits/rate_limiter.hpp"
#include "app/webhooks/ports.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "platform/clock.hpp"
#include "platform/ids.hpp"
#include "platform/metrics.hpp"
#include "platform/xray.hpp"
#include "store/database.hpp"

namespace cma::testing {

struct HttpResult {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  boost::json::value json;
  std::string header(const std::string& lower_name) const;
  const boost::json::object& obj() const { return json.as_object(); }
  std::string str(const char* key) const;
  // The refresh token this response set in the cma_refresh cookie, or "".
  std::string refresh_cookie() const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

HttpResult http_request(int port, const std::string& method, const std::string& target, const std::string& body = "",
                        const Headers& headers = {});
// One keep-alive connection to the server, for tests about connections themselves.
class Connection {
 public:
  explicit Connection(int port);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  // Sends a GET on this connection and reads the response; status 0 if the connection failed.
  HttpResult get(const std::string& target);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Sends `bytes` exactly as given (e.g. header values that are not UTF-8) and reads one response.
HttpResult raw_http_request(int port, const std::string& bytes);

struct Account {
  std::string id;
  std::string email;
  std::string password;
  std::string centre_id;
};

class TestApp;

struct TestAppOptions {
  int workers = 4;
  int queue_limit = 256;
  std::size_t max_body_bytes = 64 * 1024;
  bool trust_proxy = false;  // X-Forwarded-For / X-Forwarded-Proto, as behind a load balancer
  int proxy_hops = 1;        // 2: CloudFront in front of the load balancer
  domain::LoginThrottlePolicy throttle{};
  app::SessionPolicy sessions{};
  std::chrono::milliseconds pool_wait{platform::kDefaultDbPoolWaitMs};
  int max_connections = 1024;
  int lame_duck_seconds = 0;  // after stop_serving(): serving on with /health failing
  // Observability, owned by the test: request metrics (GET /metrics with the token) and tracing.
  platform::metrics::RequestMetrics* metrics = nullptr;
  std::string metrics_token = {};
  platform::xray::Tracer* tracer = nullptr;
  // Rate limits, owned by the test; none = authenticated calls are not limited.
  app::RateLimiter* limiter = nullptr;
  app::RateLimits limits{};
  // Serve the database (and the accounts) of an app already running, as a second API process would.
  const TestApp* same_database_as = nullptr;
  // A database of the test's own (empty: migrated and seeded here), and a read replica of it.
  std::string database_url = {};
  std::string database_read_url = {};
  // Documents: the largest file an upload may carry, and the object store (local files in a fresh
  // temporary directory unless one is given; owned by the test).
  std::uint64_t max_upload_bytes = 25ull * 1024 * 1024;
  app::BlobStore* blobs = nullptr;
  std::string upload_spool_dir = {};  // where uploads are spooled ("" = the system's temporary directory)
  // Told of every job queued through the API once it commits (owned by the test); none = nobody.
  app::JobNotifier* job_notifier = nullptr;
  // Webhooks: sent over the real transport; WEBHOOKS_ALLOW_PRIVATE_TARGETS as given.
  bool webhooks_allow_private_targets = false;
};

class TestApp {
 public:
  explicit TestApp(TestAppOptions options = {});
  ~TestApp();

  int port() const { return server_->port(); }
  // Starts the server's shutdown as SIGTERM does (the destructor waits for its end).
  void stop_serving() { server_->stop(); }
  platform::ManualClock& clock() { return clock_; }
  store::SociDatabase& db() { return *db_; }
  const std::string& database_url() const { return url_; }
  const app::ReferenceData& reference() const { return *reference_; }
  app::DashboardCache& dashboard_cache() { return dashboard_cache_; }
  app::BlobStore& blobs() { return *blobs_; }
  const std::string& blob_root() const { return blob_root_; }  // "" when the test gave its own store
  const app::WebhookSettings& webhooks() const { return webhooks_; }

  HttpResult call(const std::string& method, const std::string& target, const std::string& token = "",
                  const std::string& body = "", Headers headers = {});
  HttpResult get(const std::string& target, const std::string& token) { return call("GET", target, token); }
  HttpResult post(const std::string& target, const boost::json::value& body, const std::string& token = "") {
    return call("POST", target, token, boost::json::serialize(body));
  }
  HttpResult patch(const std::string& target, const boost::json::value& body, const std::string& token) {
    return call("PATCH", target, token, boost::json::serialize(body));
  }
  // POST `target` as multipart/form-data: a documentType part, then the file part with `bytes`.
  HttpResult upload(const std::string& target, const std::string& token, const std::string& bytes,
                    const std::string& filename, const std::string& document_type = "creditor_letter") {
    const std::string b = "cma-test-upload-4c1e";
    std::string body = "--" + b + "\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\n" + document_type +
                       "\r\n--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
                       "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" + b + "--\r\n";
    return call("POST", target, token, body, {{"Content-Type", "multipart/form-data; boundary=" + b}});
  }
  // Signs in and returns the access token (fails the test if sign-in fails).
  std::string login(const Account& a);
  HttpResult login_result(const std::string& email, const std::string& password, Headers headers = {});
  // POST /api/v1/auth/refresh or /logout sending `refresh_token` as the browser does: in the cookie.
  HttpResult refresh(const std::string& refresh_token);
  HttpResult logout(const std::string& refresh_token);

  std::string centre_a, centre_b;
  Account admin, manager_a, advisor_a, trainee_a, manager_b, advisor_b, trainee_b;

 private:
  std::string url_;
  platform::ManualClock clock_;
  std::unique_ptr<platform::UuidV7Generator> ids_;
  std::unique_ptr<store::SociDatabase> db_;
  std::unique_ptr<app::ReferenceData> reference_;
  app::DashboardCache dashboard_cache_;
  std::string blob_root_;
  std::unique_ptr<app::BlobStore> own_blobs_;
  app::BlobStore* blobs_ = nullptr;
  std::unique_ptr<app::ContentSniffer> sniffer_;
  std::unique_ptr<app::WebhookTransport> webhook_transport_;
  app::WebhookSettings webhooks_;
  std::unique_ptr<app::AuthService> auth_;
  std::unique_ptr<http::Api> api_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

}  // namespace cma::testing
