#include "support/test_app.hpp"

#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "app/identity/centres.hpp"
#include "app/identity/users.hpp"
#include "blob/file_store.hpp"
#include "blob/webhooks/http_transport.hpp"
#include "http/json_fields.hpp"
#include "main/wiring.hpp"
#include "refdata/reference_data.hpp"
#include "support/backend.hpp"

namespace cma::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace json = boost::json;

std::string HttpResult::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

std::string HttpResult::str(const char* key) const {
  if (!json.is_object()) return {};
  auto* v = json.as_object().if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string HttpResult::refresh_cookie() const {
  constexpr std::string_view prefix = "cma_refresh=";
  const std::string all = header("set-cookie");
  auto at = all.find(prefix);
  if (at == std::string::npos) return {};
  auto value = all.substr(at + prefix.size());
  return value.substr(0, value.find(';'));
}

namespace {

beast::tcp_stream connect(asio::io_context& ioc, int port) {
  beast::tcp_stream stream(ioc);
  stream.expires_after(std::chrono::seconds(30));
  stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)));
  return stream;
}

HttpResult read_result(beast::tcp_stream& stream, beast::flat_buffer& buffer) {
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  bhttp::read(stream, buffer, parser);
  auto& res = parser.get();
  HttpResult out;
  out.status = static_cast<int>(res.result_int());
  out.body = res.body();
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto& slot = out.headers[name];
    slot = slot.empty() ? std::string(f.value()) : slot + "\n" + std::string(f.value());
  }
  boost::system::error_code ec;
  if (!out.body.empty()) out.json = json::parse(out.body, ec);
  // Every JSON reply the server writes must be well-formed, with each key once per object.
  const auto type = out.header("content-type");
  if (!out.body.empty() && type.find("json") != std::string::npos) {
    EXPECT_FALSE(ec) << "the reply is not valid JSON: " << out.body.substr(0, 200);
    auto dup = http::first_duplicate_key(out.body);
    EXPECT_FALSE(dup.has_value()) << "the reply repeats the key " << dup.value_or("") << ": "
                                  << out.body.substr(0, 200);
  }
  return out;
}

HttpResult read_result(beast::tcp_stream& stream) {
  beast::flat_buffer buffer;
  auto out = read_result(stream, buffer);
  beast::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  return out;
}

}  // namespace

HttpResult http_request(int port, const std::string& method, const std::string& target, const std::string& body,
                        const Headers& headers) {
  asio::io_context ioc;
  auto stream = connect(ioc, port);
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  bool has_type = false;
  for (const auto& h : headers) {
    req.set(h.first, h.second);
    if (beast::iequals(h.first, "Content-Type")) has_type = true;
  }
  if (!body.empty() && !has_type) req.set(bhttp::field::content_type, "application/json");
  req.body() = body;
  req.prepare_payload();
  bhttp::write(stream, req);
  return read_result(stream);
}

struct Connection::Impl {
  asio::io_context ioc;
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  explicit Impl(int port) : stream(connect(ioc, port)) {}
};

Connection::Connection(int port) : impl_(std::make_unique<Impl>(port)) {}
Connection::~Connection() = default;

HttpResult Connection::get(const std::string& target) {
  bhttp::request<bhttp::empty_body> req{bhttp::verb::get, target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  try {
    impl_->stream.expires_after(std::chrono::seconds(10));
    bhttp::write(impl_->stream, req);
    return read_result(impl_->stream, impl_->buffer);
  } catch (const std::exception&) {
    return {};
  }
}

HttpResult raw_http_request(int port, const std::string& bytes) {
  asio::io_context ioc;
  auto stream = connect(ioc, port);
  asio::write(stream, asio::buffer(bytes));
  return read_result(stream);
}

TestApp::TestApp(TestAppOptions options)
    : url_(options.same_database_as != nullptr ? options.same_database_as->url_
           : !options.database_url.empty()     ? options.database_url
                                               : new_database_url()),
      clock_(std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now())) {
  ids_ = std::make_unique<platform::UuidV7Generator>(clock_);
  db_ = std::make_unique<store::SociDatabase>(url_, options.workers, options.pool_wait, options.database_read_url);
  if (options.same_database_as == nullptr) db_->migrate();
  reference_ = refdata::load_reference_data("");
  if (options.blobs != nullptr) {
    blobs_ = options.blobs;
  } else {
    blob_root_ = temp_dir() + "/blobs";
    own_blobs_ = std::make_unique<blob::FileBlobStore>(blob_root_);
    blobs_ = own_blobs_.get();
  }
  sniffer_ = main::make_content_sniffer();
  webhook_transport_ = std::make_unique<blob::CurlWebhookTransport>();
  webhooks_.transport = webhook_transport_.get();
  webhooks_.allow_private_targets = options.webhooks_allow_private_targets;
  app::Deps deps{*db_,   clock_,         *ids_,   *reference_,          &dashboard_cache_,
                 blobs_, sniffer_.get(), nullptr, options.job_notifier, &webhooks_};
  auth_ = std::make_unique<app::AuthService>(
      deps, app::AccessTokenCodec(std::string(48, 'k'), std::chrono::minutes(15)), options.sessions, options.throttle);

  if (const auto* other = options.same_database_as) {
    centre_a = other->centre_a;
    centre_b = other->centre_b;
    admin = other->admin;
    manager_a = other->manager_a;
    advisor_a = other->advisor_a;
    trainee_a = other->trainee_a;
    manager_b = other->manager_b;
    advisor_b = other->advisor_b;
    trainee_b = other->trainee_b;
  } else {
    auto actor = main::system_actor("test");
    auto centre = [&](const char* name, const char* code) {
      auto c = app::create_centre(deps, actor, app::CentreInput{name, code, {}, {}, {}, {}, {}});
      if (!c) throw std::runtime_error("seed centre: " + c.error().detail);
      return c->id;
    };
    centre_a = centre("Centre A", "CTA");
    centre_b = centre("Centre B", "CTB");
    auto user = [&](const std::string& centre_id, const std::string& email, const char* role) {
      std::string password = "pass-" + email + "-long";
      auto u = app::create_user(deps, actor,
                                app::UserInput{centre_id, email, "Test", "Person", std::string(role), password, {}});
      if (!u) throw std::runtime_error("seed user: " + u.error().detail);
      return Account{u->id, email, password, centre_id};
    };
    admin = user(centre_a, "admin@a.test", "admin");
    manager_a = user(centre_a, "manager@a.test", "manager");
    advisor_a = user(centre_a, "advisor@a.test", "advisor");
    trainee_a = user(centre_a, "trainee@a.test", "trainee");
    manager_b = user(centre_b, "manager@b.test", "manager");
    advisor_b = user(centre_b, "advisor@b.test", "advisor");
    trainee_b = user(centre_b, "trainee@b.test", "trainee");
  }

  http::Services services{deps, *auth_, "test", [this] { return server_ && server_->draining(); }};
  services.metrics_token = options.metrics_token;
  services.limiter = options.limiter;
  services.limits = options.limits;
  services.document_max_bytes = options.max_upload_bytes;
  if (auto* metrics = options.metrics)
    services.metrics_text = [metrics] { return platform::metrics::prometheus_text(metrics->snapshot(), {}); };
  api_ = std::make_unique<http::Api>(std::move(services));
  http::ServerOptions opt;
  opt.port = 0;
  opt.io_threads = 2;
  opt.workers = options.workers;
  opt.metrics = options.metrics;
  opt.tracer = options.tracer;
  opt.queue_limit = options.queue_limit;
  opt.max_body_bytes = options.max_body_bytes;
  opt.max_upload_bytes = options.max_upload_bytes;
  opt.upload_spool_dir = options.upload_spool_dir;
  opt.drain_seconds = 5;
  opt.lame_duck_seconds = options.lame_duck_seconds;
  opt.trust_proxy = options.trust_proxy;
  opt.proxy_hops = options.proxy_hops;
  opt.max_connections = options.max_connections;
  server_ = std::make_unique<http::Server>([this](http::Request& r) { return api_->handle(r); }, opt);
  server_->start();
  thread_ = std::thread([this] { server_->run(false); });
}

TestApp::~TestApp() {
  server_->stop();
  thread_.join();
}

HttpResult TestApp::call(const std::string& method, const std::string& target, const std::string& token,
                         const std::string& body, Headers headers) {
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  return http_request(port(), method, target, body, headers);
}

HttpResult TestApp::login_result(const std::string& email, const std::string& password, Headers headers) {
  return call("POST", "/api/v1/auth/login", "", json::serialize(json::object{{"email", email}, {"password", password}}),
              std::move(headers));
}

HttpResult TestApp::refresh(const std::string& refresh_token) {
  return call("POST", "/api/v1/auth/refresh", "", "", {{"Cookie", "cma_refresh=" + refresh_token}});
}

HttpResult TestApp::logout(const std::string& refresh_token) {
  return call("POST", "/api/v1/auth/logout", "", "", {{"Cookie", "cma_refresh=" + refresh_token}});
}

std::string TestApp::login(const Account& a) {
  auto r = login_result(a.email, a.password);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.str("accessToken");
}

}  // namespace cma::testing
