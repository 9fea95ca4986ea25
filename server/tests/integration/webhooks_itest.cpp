// Webhooks: registering endpoints, signed deliveries to a real receiver, retries with backoff and
// their history, the SSRF rule with and without WEBHOOKS_ALLOW_PRIVATE_TARGETS, tenant isolation
// and permissions.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cstdlib>

#include "app/webhooks/webhooks.hpp"
#include "jobs/handlers.hpp"
#include "jobs/worker.hpp"
#include "support/process.hpp"
#include "support/test_app.hpp"
#include "support/webhook_receiver.hpp"

namespace cma::testing::webhooks_itest {
namespace json = boost::json;
using std::chrono::milliseconds;

namespace {

// A job worker over the app's database on the real clock, with the given webhook settings.
class WebhookWorker {
 public:
  WebhookWorker(TestApp& app, const app::WebhookSettings& settings)
      : ids_(clock_), deps_{app.db(), clock_,  ids_,    app.reference(), nullptr,
                            nullptr,  nullptr, nullptr, nullptr,         &settings} {
    jobs::add_builtin_handlers(handlers_);
    jobs::WorkerOptions options;
    options.concurrency = 1;
    options.poll_interval = milliseconds(20);
    options.backoff = {milliseconds(100), milliseconds(200)};
    options.schedule = false;
    worker_ = std::make_unique<jobs::Worker>(deps_, handlers_, options, nullptr);
    worker_->start();
  }
  ~WebhookWorker() { worker_->stop(milliseconds(2000)); }
  const app::Deps& deps() const { return deps_; }

 private:
  platform::SystemClock clock_;
  platform::UuidV7Generator ids_;
  app::Deps deps_;
  jobs::HandlerRegistry handlers_;
  std::unique_ptr<jobs::Worker> worker_;
};

TestAppOptions private_targets_allowed() {
  TestAppOptions o;
  o.webhooks_allow_private_targets = true;
  return o;
}

std::string hmac_hex(const std::string& key, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), out, &len);
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned int i = 0; i < len; ++i) {
    s.push_back(hex[out[i] >> 4]);
    s.push_back(hex[out[i] & 15]);
  }
  return s;
}

HttpResult register_webhook(TestApp& app, const std::string& token, const std::string& url,
                            json::array events = {"case.created"}) {
  return app.post("/api/v1/webhooks", json::object{{"url", url}, {"events", events}, {"description", "CRM"}}, token);
}

std::string open_case(TestApp& app, const std::string& token) {
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "Secret"}, {"lastName", "Person"}}, token);
  EXPECT_EQ(client.status, 201) << client.body;
  auto c = app.post("/api/v1/cases", json::object{{"clientId", client.str("id")}}, token);
  EXPECT_EQ(c.status, 201) << c.body;
  return c.str("id");
}

json::array deliveries(TestApp& app, const std::string& token, const std::string& webhook) {
  auto r = app.get("/api/v1/webhooks/" + webhook + "/deliveries", token);
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return {};
  return r.obj().at("items").as_array();
}

std::string field_of(const HttpResult& r) {
  if (r.status != 422) return "";
  return std::string(r.obj().at("errors").as_array().at(0).as_object().at("field").as_string());
}

}  // namespace

TEST(Webhooks, CreatingACaseDeliversASignedCaseCreatedEvent) {
  TestApp app(private_targets_allowed());
  WebhookReceiver receiver;
  auto tm = app.login(app.manager_a);
  auto created = register_webhook(app, tm, receiver.url(), {"case.created", "case.status_changed"});
  ASSERT_EQ(created.status, 201) << created.body;
  auto secret = created.str("secret");
  ASSERT_EQ(secret.rfind("whsec_", 0), 0u) << secret;
  auto id = created.str("id");
  // The secret is shown once: never again on a read or a list.
  auto read = app.get("/api/v1/webhooks/" + id, tm);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_FALSE(read.obj().contains("secret"));
  EXPECT_EQ(app.get("/api/v1/webhooks", tm).body.find(secret), std::string::npos);

  auto case_id = open_case(app, app.login(app.advisor_a));
  auto items = deliveries(app, tm, id);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("status").as_string(), "pending");
  EXPECT_EQ(items[0].at("eventType").as_string(), "case.created");

  WebhookWorker worker(app, app.webhooks());
  ASSERT_TRUE(wait_until([&] { return receiver.requests().size() == 1; }, 10));
  auto req = receiver.requests()[0];
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.target, "/hook");
  EXPECT_EQ(req.headers["content-type"], "application/json");
  auto delivery_id = req.headers["webhook-id"];
  auto ts = req.headers["webhook-timestamp"];
  EXPECT_EQ(delivery_id, std::string(items[0].at("id").as_string()));
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  EXPECT_LE(std::llabs(std::stoll(ts) - now.count()), 60);
  EXPECT_EQ(req.headers["webhook-signature"], "v1=" + hmac_hex(secret, delivery_id + "." + ts + "." + req.body));
  // A signature under another secret does not verify.
  EXPECT_NE(req.headers["webhook-signature"], "v1=" + hmac_hex(secret + "x", delivery_id + "." + ts + "." + req.body));
  auto body = json::parse(req.body).as_object();
  EXPECT_EQ(body.at("type").as_string(), "case.created");
  EXPECT_EQ(body.at("centreId").as_string(), app.centre_a);
  EXPECT_EQ(body.at("data").at("caseId").as_string(), case_id);
  // Ids, not personal details.
  EXPECT_EQ(req.body.find("Secret"), std::string::npos);
  EXPECT_EQ(req.body.find("Person"), std::string::npos);

  ASSERT_TRUE(wait_until([&] { return deliveries(app, tm, id)[0].at("status").as_string() == "delivered"; }, 10));
  auto done = deliveries(app, tm, id)[0].as_object();
  EXPECT_EQ(done.at("attempts").as_int64(), 1);
  EXPECT_EQ(done.at("lastStatusCode").as_int64(), 200);
  EXPECT_FALSE(done.at("deliveredAt").is_null());

  // Running the job again sends nothing: the delivery is delivered.
  auto again = app::deliver_webhook(worker.deps(), app.centre_a, delivery_id, 1, 8);
  EXPECT_EQ(again.outcome, app::WebhookAttempt::Outcome::nothing_to_do);
  EXPECT_EQ(receiver.requests().size(), 1u);

  // A status change carries from and to.
  auto moved = app.post("/api/v1/cases/" + case_id + "/transitions", json::object{{"to", "in_progress"}},
                        app.login(app.advisor_a));
  ASSERT_EQ(moved.status, 200) << moved.body;
  ASSERT_TRUE(wait_until([&] { return receiver.requests().size() == 2; }, 10));
  auto changed = json::parse(receiver.requests()[1].body).as_object();
  EXPECT_EQ(changed.at("type").as_string(), "case.status_changed");
  EXPECT_EQ(changed.at("data").at("from").as_string(), "open");
  EXPECT_EQ(changed.at("data").at("to").as_string(), "in_progress");

  // Redelivery sends the same delivery again, signed afresh.
  auto redo = app.post("/api/v1/webhooks/" + id + "/deliveries/" + delivery_id + "/redeliver", json::object{}, tm);
  ASSERT_EQ(redo.status, 202) << redo.body;
  ASSERT_TRUE(wait_until([&] { return receiver.requests().size() == 3; }, 10));
  EXPECT_EQ(receiver.requests()[2].headers["webhook-id"], delivery_id);

  // A ping goes to this endpoint whatever it subscribes to.
  auto ping = app.post("/api/v1/webhooks/" + id + "/ping", json::object{}, tm);
  ASSERT_EQ(ping.status, 202) << ping.body;
  ASSERT_TRUE(wait_until([&] { return receiver.requests().size() == 4; }, 10));
  EXPECT_EQ(json::parse(receiver.requests()[3].body).at("type").as_string(), "webhook.ping");
}

TEST(Webhooks, AFailingReceiverIsRetriedWithBackoffAndTheHistoryShowsTheAttempts) {
  TestApp app(private_targets_allowed());
  WebhookReceiver receiver({500, 503});
  auto tm = app.login(app.manager_a);
  auto created = register_webhook(app, tm, receiver.url(), {"appointment.scheduled"});
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = created.str("id");
  auto ta = app.login(app.advisor_a);
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "A"}, {"lastName", "B"}}, ta);
  auto booked = app.post(
      "/api/v1/appointments",
      json::object{{"clientId", client.str("id")}, {"start", "2026-07-01T10:00"}, {"durationMinutes", 30}}, ta);
  ASSERT_EQ(booked.status, 201) << booked.body;

  WebhookWorker worker(app, app.webhooks());
  std::vector<std::string> seen_errors;
  ASSERT_TRUE(wait_until(
      [&] {
        auto d = deliveries(app, tm, id).at(0).as_object();
        if (d.at("status").as_string() == "pending" && !d.at("lastError").is_null()) {
          auto e = std::string(d.at("lastError").as_string());
          if (seen_errors.empty() || seen_errors.back() != e) seen_errors.push_back(e);
        }
        return d.at("status").as_string() == "delivered";
      },
      20));
  auto d = deliveries(app, tm, id).at(0).as_object();
  EXPECT_EQ(d.at("attempts").as_int64(), 3);
  EXPECT_EQ(d.at("lastStatusCode").as_int64(), 200);
  ASSERT_FALSE(seen_errors.empty());
  EXPECT_NE(seen_errors.front().find("HTTP 50"), std::string::npos) << seen_errors.front();
  auto reqs = receiver.requests();
  ASSERT_EQ(reqs.size(), 3u);
  // Every attempt is the same delivery and body, and the event names the appointment.
  for (const auto& r : reqs) {
    EXPECT_EQ(r.headers.at("webhook-id"), std::string(d.at("id").as_string()));
    EXPECT_EQ(r.body, reqs[0].body);
  }
  auto body = json::parse(reqs[0].body);
  EXPECT_EQ(body.at("type").as_string(), "appointment.scheduled");
  EXPECT_EQ(body.at("data").at("appointmentId").as_string(), booked.str("id"));
}

TEST(Webhooks, ADeliveryThatNeverSucceedsEndsFailed) {
  TestApp app(private_targets_allowed());
  WebhookReceiver receiver(std::vector<int>(20, 500));
  auto tm = app.login(app.manager_a);
  auto created = register_webhook(app, tm, receiver.url(), {"case.created"});
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = created.str("id");
  open_case(app, tm);
  WebhookWorker worker(app, app.webhooks());
  ASSERT_TRUE(wait_until([&] { return deliveries(app, tm, id).at(0).at("status").as_string() == "failed"; }, 30));
  auto d = deliveries(app, tm, id).at(0).as_object();
  EXPECT_EQ(d.at("attempts").as_int64(), domain::kWebhookMaxAttempts);
  EXPECT_EQ(d.at("lastStatusCode").as_int64(), 500);
  EXPECT_EQ(receiver.requests().size(), static_cast<std::size_t>(domain::kWebhookMaxAttempts));
}

TEST(Webhooks, WithoutTheOperatorSettingPrivateTargetsAreRefused) {
  TestApp app;  // WEBHOOKS_ALLOW_PRIVATE_TARGETS off
  auto tm = app.login(app.manager_a);
  for (const char* url :
       {"https://127.0.0.1/hook", "https://localhost:8443/hook", "https://10.1.2.3/x", "https://169.254.169.254/latest",
        "https://[::1]/x", "https://[::ffff:127.0.0.1]/x", "https://[fe80::1]/x", "https://100.64.0.1/x",
        "https://0.0.0.0/x", "http://example.org/hook"}) {
    auto r = register_webhook(app, tm, url);
    EXPECT_EQ(r.status, 422) << url << " " << r.body;
    EXPECT_EQ(field_of(r), "url") << url;
  }
  auto r = register_webhook(app, tm, "https://localhost/hook");
  EXPECT_NE(r.body.find("loopback"), std::string::npos) << r.body;

  // An endpoint registered while private targets were allowed is not reached once they are not:
  // the delivery fails without a connection.
  TestApp allowed(private_targets_allowed());
  WebhookReceiver receiver;
  auto am = allowed.login(allowed.manager_a);
  auto created = register_webhook(allowed, am, "https://127.0.0.1:" + std::to_string(receiver.port()) + "/hook");
  ASSERT_EQ(created.status, 201) << created.body;
  open_case(allowed, am);
  app::WebhookSettings strict;
  strict.transport = allowed.webhooks().transport;
  WebhookWorker worker(allowed, strict);
  ASSERT_TRUE(wait_until(
      [&] { return deliveries(allowed, am, created.str("id")).at(0).at("status").as_string() == "failed"; }, 10));
  auto d = deliveries(allowed, am, created.str("id")).at(0).as_object();
  EXPECT_EQ(d.at("attempts").as_int64(), 1);
  EXPECT_TRUE(d.at("lastStatusCode").is_null());
  EXPECT_NE(std::string(d.at("lastError").as_string()).find("loopback"), std::string::npos) << d;
  EXPECT_EQ(receiver.connections(), 0);
}

TEST(Webhooks, ACentreSeesAndReceivesOnlyItsOwn) {
  TestApp app(private_targets_allowed());
  WebhookReceiver receiver_a, receiver_b;
  auto ma = app.login(app.manager_a);
  auto mb = app.login(app.manager_b);
  auto a = register_webhook(app, ma, receiver_a.url());
  auto b = register_webhook(app, mb, receiver_b.url());
  ASSERT_EQ(a.status, 201) << a.body;
  ASSERT_EQ(b.status, 201) << b.body;
  auto id = a.str("id");
  EXPECT_EQ(app.get("/api/v1/webhooks/" + id, mb).status, 404);
  EXPECT_EQ(app.get("/api/v1/webhooks/" + id + "/deliveries", mb).status, 404);
  EXPECT_EQ(app.patch("/api/v1/webhooks/" + id, json::object{{"active", false}}, mb).status, 404);
  EXPECT_EQ(app.call("DELETE", "/api/v1/webhooks/" + id, mb).status, 404);
  EXPECT_EQ(app.post("/api/v1/webhooks/" + id + "/rotate-secret", json::object{}, mb).status, 404);
  EXPECT_EQ(app.post("/api/v1/webhooks/" + id + "/ping", json::object{}, mb).status, 404);
  EXPECT_EQ(app.get("/api/v1/webhooks/not-an-id", ma).status, 404);
  auto list_b = app.get("/api/v1/webhooks", mb);
  ASSERT_EQ(list_b.status, 200);
  ASSERT_EQ(list_b.obj().at("items").as_array().size(), 1u);
  EXPECT_EQ(list_b.obj().at("items").as_array()[0].at("id").as_string(), b.str("id"));
  // Admins reach every centre's.
  EXPECT_EQ(app.get("/api/v1/webhooks", app.login(app.admin)).obj().at("items").as_array().size(), 2u);

  open_case(app, app.login(app.advisor_a));
  auto a_delivery = deliveries(app, ma, id).at(0);
  EXPECT_EQ(app.post("/api/v1/webhooks/" + b.str("id") + "/deliveries/" + std::string(a_delivery.at("id").as_string()) +
                         "/redeliver",
                     json::object{}, mb)
                .status,
            404);
  WebhookWorker worker(app, app.webhooks());
  ASSERT_TRUE(wait_until([&] { return receiver_a.requests().size() == 1; }, 10));
  std::this_thread::sleep_for(milliseconds(300));
  EXPECT_EQ(receiver_b.requests().size(), 0u);
  EXPECT_TRUE(deliveries(app, mb, b.str("id")).empty());
}

TEST(Webhooks, OnlyManagersAndAdminsManageAndInputIsChecked) {
  TestApp app(private_targets_allowed());
  WebhookReceiver receiver;
  auto ta = app.login(app.advisor_a);
  EXPECT_EQ(register_webhook(app, ta, receiver.url()).status, 403);
  EXPECT_EQ(app.get("/api/v1/webhooks", ta).status, 403);
  EXPECT_EQ(register_webhook(app, app.login(app.trainee_a), receiver.url()).status, 403);

  auto tm = app.login(app.manager_a);
  auto ok = register_webhook(app, tm, receiver.url());
  ASSERT_EQ(ok.status, 201) << ok.body;
  auto id = ok.str("id");
  EXPECT_EQ(app.get("/api/v1/webhooks/" + id, ta).status, 403);
  EXPECT_EQ(app.get("/api/v1/webhooks/" + id + "/deliveries", ta).status, 403);

  EXPECT_EQ(field_of(register_webhook(app, tm, receiver.url(), {"case.deleted"})), "events");
  EXPECT_EQ(field_of(register_webhook(app, tm, receiver.url(), json::array{})), "events");
  EXPECT_EQ(field_of(register_webhook(app, tm, receiver.url(), json::array{42})), "events[0]");
  EXPECT_EQ(field_of(register_webhook(app, tm, "ftp://127.0.0.1/x")), "url");
  EXPECT_EQ(field_of(register_webhook(app, tm, "not a url")), "url");
  EXPECT_EQ(field_of(register_webhook(app, tm, "https://user:pw@127.0.0.1/x")), "url");
  EXPECT_EQ(field_of(register_webhook(app, tm, "https://127.0.0.1:99999/x")), "url");
  EXPECT_EQ(field_of(register_webhook(app, tm, "https://127.0.0.1/" + std::string(2048, 'a'))), "url");
  EXPECT_EQ(field_of(app.post("/api/v1/webhooks", json::object{{"events", json::array{"case.created"}}}, tm)), "url");
  EXPECT_EQ(
      field_of(app.post("/api/v1/webhooks", json::object{{"url", receiver.url()}, {"events", "case.created"}}, tm)),
      "events");
  EXPECT_EQ(field_of(app.patch("/api/v1/webhooks/" + id, json::object{{"url", "https://"}}, tm)), "url");

  // Changes are audited; the rotated secret differs and is shown once.
  auto patched =
      app.patch("/api/v1/webhooks/" + id,
                json::object{{"events", json::array{"document.processed", "case.created"}}, {"active", false}}, tm);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(json::serialize(patched.obj().at("events")), R"(["case.created","document.processed"])");
  EXPECT_FALSE(patched.obj().at("active").as_bool());
  auto rotated = app.post("/api/v1/webhooks/" + id + "/rotate-secret", json::object{}, tm);
  ASSERT_EQ(rotated.status, 200) << rotated.body;
  EXPECT_NE(rotated.str("secret"), ok.str("secret"));
  EXPECT_EQ(app.call("DELETE", "/api/v1/webhooks/" + id, tm).status, 204);
  EXPECT_EQ(app.get("/api/v1/webhooks/" + id, tm).status, 404);
  auto audit = app.get("/api/v1/audit?entityType=webhook&entityId=" + id, tm);
  ASSERT_EQ(audit.status, 200) << audit.body;
  std::vector<std::string> actions;
  for (const auto& e : audit.obj().at("items").as_array()) actions.emplace_back(e.at("action").as_string());
  for (const char* action : {"webhook.create", "webhook.update", "webhook.rotate_secret", "webhook.delete"})
    EXPECT_NE(std::find(actions.begin(), actions.end(), action), actions.end()) << action;
  EXPECT_EQ(audit.body.find(ok.str("secret")), std::string::npos);
  EXPECT_EQ(audit.body.find(rotated.str("secret")), std::string::npos);
}

}  // namespace cma::testing::webhooks_itest
