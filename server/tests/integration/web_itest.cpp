// The built web app as `cma web` and `cma serve` serve it: caching, precompressed files, the
// security headers, the fallback to index.html, and paths that try to leave the app's directory.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "http/server.hpp"
#include "http/static/static_site.hpp"
#include "support/backend.hpp"
#include "support/process.hpp"
#include "support/test_app.hpp"

namespace cma::testing::web_itest {

namespace {

namespace fs = std::filesystem;

const std::string kIndex =
    "<!doctype html><html><head><script type=\"module\" src=\"/assets/app-1a2b3c.js\"></script>"
    "</head><body><div id=\"root\"></div></body></html>";
const std::string kScript = "console.log('the app');";

void write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// A build like client/dist: index.html, a hashed script with its .gz and .br, a file the server
// must not serve as it is (config.json), and a secret beside the directory, outside it.
fs::path make_build() {
  fs::path base = temp_dir();
  fs::path root = base / "dist";
  write(root / "index.html", kIndex);
  write(root / "assets" / "app-1a2b3c.js", kScript);
  write(root / "assets" / "app-1a2b3c.js.gz", "GZIP-BYTES");
  write(root / "assets" / "app-1a2b3c.js.br", "BROTLI-BYTES");
  write(root / "assets" / "logo-9f8e7d.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  write(root / "config.json", R"({"apiBaseUrl":"https://stale.example.org"})");
  write(base / "secret.txt", "TOP-SECRET");
  return root;
}

// The StaticSite behind the real HTTP server, on a free port.
class WebSite {
 public:
  explicit WebSite(bool trust_proxy = false, std::string api_base_url = "", std::string upload_origin = "") {
    site_ = http::StaticSite::load(make_build(),
                                   http::StaticSiteOptions{std::move(api_base_url), std::move(upload_origin)});
    http::ServerOptions opt;
    opt.port = 0;
    opt.io_threads = 1;
    opt.workers = 2;
    opt.trust_proxy = trust_proxy;
    server_ = std::make_unique<http::Server>([this](http::Request& r) { return site_->serve(r); }, opt);
    server_->start();
    thread_ = std::thread([this] { server_->run(false); });
  }
  ~WebSite() {
    server_->stop();
    thread_.join();
  }
  int port() const { return server_->port(); }
  HttpResult get(const std::string& target, const Headers& headers = {}) const {
    return http_request(port(), "GET", target, "", headers);
  }

 private:
  std::unique_ptr<http::StaticSite> site_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

HttpResult raw_get(int port, const std::string& target) {
  return raw_http_request(port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
}

}  // namespace

// Outside the anonymous namespace: the tests derive from it, and they are not file-local.
class Web : public ::testing::Test {
 protected:
  // Nothing here touches the database: once, on the SQLite run, is enough.
  void SetUp() override {
    if (using_postgres()) GTEST_SKIP() << "backend-independent; runs with CMA_TEST_BACKEND=sqlite";
  }
};

TEST_F(Web, RootAnswers200WithTheAppAndRevalidates) {
  WebSite site;
  auto r = site.get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, kIndex);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.header("cache-control"), "no-cache");
  auto again = site.get("/index.html");
  EXPECT_EQ(again.body, kIndex);
  EXPECT_EQ(again.header("cache-control"), "no-cache");
}

TEST_F(Web, UnknownPathsFallBackToTheAppButMissingAssetsDoNot) {
  WebSite site;
  for (const char* path : {"/clients", "/admin/users?centreId=x", "/cases/42/debts", "/sign-in"}) {
    auto r = site.get(path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body, kIndex) << path;
    EXPECT_EQ(r.header("cache-control"), "no-cache") << path;
  }
  auto gone = site.get("/assets/app-000000.js");
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(gone.body.find("<html"), std::string::npos);
}

TEST_F(Web, HashedAssetsAreImmutableForAYear) {
  WebSite site;
  auto r = site.get("/assets/app-1a2b3c.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, kScript);
  EXPECT_EQ(r.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r.header("cache-control"), "public, max-age=31536000, immutable");
  auto svg = site.get("/assets/logo-9f8e7d.svg");
  EXPECT_EQ(svg.header("content-type"), "image/svg+xml");
  EXPECT_EQ(svg.header("cache-control"), "public, max-age=31536000, immutable");
}

TEST_F(Web, PrecompressedFilesAreSentWhenAccepted) {
  WebSite site;
  auto plain = site.get("/assets/app-1a2b3c.js");
  EXPECT_EQ(plain.body, kScript);
  EXPECT_EQ(plain.header("content-encoding"), "");
  EXPECT_EQ(plain.header("vary"), "Accept-Encoding");

  auto gzip = site.get("/assets/app-1a2b3c.js", {{"Accept-Encoding", "gzip, deflate"}});
  EXPECT_EQ(gzip.body, "GZIP-BYTES");
  EXPECT_EQ(gzip.header("content-encoding"), "gzip");

  auto brotli = site.get("/assets/app-1a2b3c.js", {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(brotli.body, "BROTLI-BYTES");
  EXPECT_EQ(brotli.header("content-encoding"), "br");

  auto no_brotli = site.get("/assets/app-1a2b3c.js", {{"Accept-Encoding", "br;q=0, gzip"}});
  EXPECT_EQ(no_brotli.header("content-encoding"), "gzip");
  auto refused = site.get("/assets/app-1a2b3c.js", {{"Accept-Encoding", "gzip;q=0"}});
  EXPECT_EQ(refused.body, kScript);
  // index.html has no precompressed copy here: sent as it is, whatever is accepted.
  EXPECT_EQ(site.get("/", {{"Accept-Encoding", "br, gzip"}}).body, kIndex);
}

TEST_F(Web, EncodingPreferenceFollowsQualities) {
  using http::Encoding;
  EXPECT_EQ(http::preferred_encoding("", true, true), Encoding::identity);
  EXPECT_EQ(http::preferred_encoding("gzip", true, true), Encoding::gzip);
  EXPECT_EQ(http::preferred_encoding("br", true, false), Encoding::identity);
  EXPECT_EQ(http::preferred_encoding("gzip;q=0.5, br;q=0.9", true, true), Encoding::brotli);
  EXPECT_EQ(http::preferred_encoding("gzip;q=0.9, br;q=0.5", true, true), Encoding::gzip);
  EXPECT_EQ(http::preferred_encoding("*", true, true), Encoding::brotli);
  EXPECT_EQ(http::preferred_encoding("*, br;q=0", true, true), Encoding::gzip);
  EXPECT_EQ(http::preferred_encoding("GZIP", true, false), Encoding::gzip);
}

TEST_F(Web, SecurityHeadersAreSetAndHstsOnlyBehindTls) {
  WebSite site;
  for (const char* path : {"/", "/clients", "/assets/app-1a2b3c.js", "/config.json", "/assets/gone.js"}) {
    auto r = site.get(path);
    auto csp = r.header("content-security-policy");
    EXPECT_NE(csp.find("script-src 'self';"), std::string::npos) << path << ": " << csp;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_NE(csp.find("object-src 'none'"), std::string::npos) << path;
    // Frames only of the page's own blob: previews, never of another origin.
    EXPECT_NE(csp.find("frame-src 'self' blob:;"), std::string::npos) << path;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << path;
    EXPECT_EQ(r.header("referrer-policy"), "strict-origin-when-cross-origin") << path;
    EXPECT_EQ(r.header("strict-transport-security"), "") << path;
  }
  // Behind a load balancer that terminates TLS and says so.
  WebSite proxied(true);
  EXPECT_EQ(proxied.get("/", {{"X-Forwarded-Proto", "https"}}).header("strict-transport-security"),
            "max-age=31536000; includeSubDomains");
  EXPECT_EQ(proxied.get("/", {{"X-Forwarded-Proto", "http"}}).header("strict-transport-security"), "");
  // Without TRUST_PROXY the header is the client's own claim and is not believed.
  EXPECT_EQ(site.get("/", {{"X-Forwarded-Proto", "https"}}).header("strict-transport-security"), "");
}

TEST_F(Web, ConfigJsonComesFromTheServerNotTheBuild) {
  WebSite same_origin;
  auto r = same_origin.get("/config.json");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"apiBaseUrl":"","uploadOrigin":""})");
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_EQ(r.header("cache-control"), "no-cache");

  WebSite elsewhere(false, "https://api.example.org");
  auto other = elsewhere.get("/config.json");
  EXPECT_EQ(other.body, R"({"apiBaseUrl":"https://api.example.org","uploadOrigin":""})");
  EXPECT_NE(other.header("content-security-policy").find("connect-src 'self' https://api.example.org;"),
            std::string::npos);

  // Presigned uploads: the page learns the store's origin and its CSP lets it send files there.
  WebSite uploads(false, "", "https://docs.s3.eu-west-2.amazonaws.com");
  auto with_store = uploads.get("/config.json");
  EXPECT_EQ(with_store.body, R"({"apiBaseUrl":"","uploadOrigin":"https://docs.s3.eu-west-2.amazonaws.com"})");
  EXPECT_NE(
      with_store.header("content-security-policy").find("connect-src 'self' https://docs.s3.eu-west-2.amazonaws.com;"),
      std::string::npos)
      << with_store.header("content-security-policy");
}

TEST_F(Web, PathsThatLeaveTheRootAreRefused) {
  WebSite site;
  for (const char* target :
       {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt", "/assets/..%5c..%5csecret.txt", "/./index.html", "/assets/app-1a2b3c.js%00.txt"}) {
    auto r = raw_get(site.port(), target);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(r.body.find("TOP-SECRET"), std::string::npos) << target;
  }
}

TEST_F(Web, OnlyGetAndHeadAreAllowed) {
  WebSite site;
  auto post = http_request(site.port(), "POST", "/", "{}");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.header("allow"), "GET, HEAD");
  auto head = http_request(site.port(), "HEAD", "/");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("cache-control"), "no-cache");
}

TEST_F(Web, ARootWithoutIndexHtmlIsRefusedAtStart) {
  fs::path empty = temp_dir();
  EXPECT_THROW(http::StaticSite::load(empty, {}), std::runtime_error);
}

TEST_F(Web, CmaWebServesTheAppAloneAndRefusesAMissingBuild) {
  auto root = make_build();
  auto c = spawn_cma({"web", "--port", "0", "--web-root", root.string()}, {"LOG_LEVEL=info"});
  int port = wait_for_port(c);
  ASSERT_GT(port, 0) << slurp(c.log);
  EXPECT_EQ(http_request(port, "GET", "/").body, kIndex);
  EXPECT_EQ(http_request(port, "GET", "/cases/1").body, kIndex);
  // No API here: its paths are the app's too.
  EXPECT_EQ(http_request(port, "GET", "/api/v1/me").body, kIndex);
  ::kill(c.pid, SIGTERM);
  EXPECT_EQ(wait_exit(c.pid, 15), 0) << slurp(c.log);

  auto missing = spawn_cma({"web", "--port", "0", "--web-root", (root / "nowhere").string()}, {});
  EXPECT_EQ(wait_exit(missing.pid, 10), 2);
  EXPECT_NE(slurp(missing.log).find("configuration error: WEB_ROOT:"), std::string::npos) << slurp(missing.log);

  auto bad_origin = spawn_cma({"web", "--port", "0", "--web-root", root.string()},
                              {"API_BASE_URL=https://api.example.org/path; script-src *"});
  EXPECT_EQ(wait_exit(bad_origin.pid, 10), 2);
  EXPECT_NE(slurp(bad_origin.log).find("API_BASE_URL"), std::string::npos) << slurp(bad_origin.log);
  auto bad_upload = spawn_cma({"web", "--port", "0", "--web-root", root.string()},
                              {"UPLOAD_ORIGIN=https://docs.example.org; connect-src *"});
  EXPECT_EQ(wait_exit(bad_upload.pid, 10), 2);
  EXPECT_NE(slurp(bad_upload.log).find("UPLOAD_ORIGIN"), std::string::npos) << slurp(bad_upload.log);

  EXPECT_EQ(run_cma("web --help").exit_code, 0);
}

TEST_F(Web, CmaServeServesTheAppAndTheApiOnOneOrigin) {
  auto root = make_build();
  auto dir = temp_dir();
  auto c = spawn_cma({"serve", "--port", "0", "--web-root", root.string()},
                     {"DATABASE_URL=" + new_database_url(), "DATA_DIR=" + dir, "JWT_SECRET=" + std::string(40, 'j')});
  int port = wait_for_port(c);
  ASSERT_GT(port, 0) << slurp(c.log);
  EXPECT_EQ(http_request(port, "GET", "/").body, kIndex);
  EXPECT_EQ(http_request(port, "GET", "/admin/audit").body, kIndex);
  EXPECT_EQ(http_request(port, "GET", "/config.json").body, R"({"apiBaseUrl":"","uploadOrigin":""})");
  auto health = http_request(port, "GET", "/health");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.header("content-type"), "application/json");
  auto unknown_api = http_request(port, "GET", "/api/v1/nothing-here");
  EXPECT_EQ(unknown_api.status, 404);
  EXPECT_EQ(unknown_api.header("content-type"), "application/problem+json");
  EXPECT_EQ(http_request(port, "GET", "/api/v1/me").status, 401);
  ::kill(c.pid, SIGTERM);
  EXPECT_EQ(wait_exit(c.pid, 15), 0) << slurp(c.log);

  // WEB_ROOT given but holding no build: a configuration error, not an API without its app.
  auto missing =
      spawn_cma({"serve", "--port", "0", "--web-root", dir + "/nowhere"},
                {"DATABASE_URL=" + new_database_url(), "DATA_DIR=" + dir, "JWT_SECRET=" + std::string(40, 'j')});
  EXPECT_EQ(wait_exit(missing.pid, 10), 2);
  EXPECT_NE(slurp(missing.log).find("configuration error: WEB_ROOT:"), std::string::npos) << slurp(missing.log);
}

// On S3 the pages may upload straight to the bucket with presigned URLs: `cma serve` tells them the
// bucket's origin (path-style here, so the endpoint's), and its CSP allows it.
TEST_F(Web, CmaServeOnS3GivesThePagesTheBucketsOrigin) {
  auto root = make_build();
  auto dir = temp_dir();
  auto c = spawn_cma({"serve", "--port", "0", "--web-root", root.string()},
                     {"DATABASE_URL=" + new_database_url(), "DATA_DIR=" + dir, "JWT_SECRET=" + std::string(40, 'j'),
                      "STORAGE_URL=s3://docs?region=eu-west-2&endpoint=http://127.0.0.1:9&path_style=true",
                      "AWS_ACCESS_KEY_ID=AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                      "CMA_INPROCESS_WORKER=false"});
  int port = wait_for_port(c);
  ASSERT_GT(port, 0) << slurp(c.log);
  auto config = http_request(port, "GET", "/config.json");
  EXPECT_EQ(config.body, R"({"apiBaseUrl":"","uploadOrigin":"http://127.0.0.1:9"})");
  EXPECT_NE(config.header("content-security-policy").find("connect-src 'self' http://127.0.0.1:9;"), std::string::npos)
      << config.header("content-security-policy");
  ::kill(c.pid, SIGTERM);
  EXPECT_EQ(wait_exit(c.pid, 15), 0) << slurp(c.log);
}

}  // namespace cma::testing::web_itest
