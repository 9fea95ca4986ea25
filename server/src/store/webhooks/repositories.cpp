#include "store/webhooks/repositories.hpp"

#include "app/webhooks/ports.hpp"
#include "store/webhooks/queries.hpp"

namespace cma::store::webhooks {

namespace {

std::vector<std::string> wh_split_events(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string wh_join(const std::vector<std::string>& events) {
  std::string out;
  for (const auto& e : events) out.append(out.empty() ? "" : ",").append(e);
  return out;
}

// A row of CMA_WEBHOOK_COLUMNS, in that order.
app::WebhookEndpoint read_webhook_endpoint(const db::Query& q) {
  app::WebhookEndpoint e;
  q.read(0, e.id);
  q.read(1, e.centre_id);
  q.read(2, e.url);
  e.events = wh_split_events(q.text(3));
  q.read(4, e.secret);
  q.read(5, e.description);
  e.active = q.flag(6);
  q.read(7, e.created_by);
  q.read(8, e.created_at);
  q.read(9, e.updated_at);
  return e;
}

// A row of CMA_WEBHOOK_DELIVERY_COLUMNS, in that order.
app::WebhookDelivery read_webhook_delivery(const db::Query& q) {
  app::WebhookDelivery d;
  q.read(0, d.id);
  q.read(1, d.centre_id);
  q.read(2, d.endpoint_id);
  q.read(3, d.event_id);
  q.read(4, d.event_type);
  q.read(5, d.payload);
  d.attempts = static_cast<int>(q.integer(6));
  q.read(7, d.status);
  d.last_status_code = static_cast<int>(q.integer(8));
  q.read(9, d.last_error);
  q.read(10, d.last_attempt_at);
  q.read(11, d.delivered_at);
  q.read(12, d.created_at);
  q.read(13, d.updated_at);
  return d;
}

class WebhookEndpoints final : public app::WebhookRepository {
 public:
  explicit WebhookEndpoints(db::Connection& c) : statements_(c.statements) {}

  void insert(const app::WebhookEndpoint& e) override {
    db::Query q(statements_, sql::kInsertWebhook);
    q.bind("id", e.id).bind("centre", e.centre_id).bind("url", e.url).bind("events", wh_join(e.events));
    q.bind("secret", e.secret).bind("description", e.description).bind("active", e.active);
    q.bind("created_by", e.created_by).bind("created", e.created_at).bind("updated", e.updated_at).run();
  }

  std::optional<app::WebhookEndpoint> find(const app::Scope& scope, const std::string& id) override {
    const auto* centre = app::centre_of(scope);
    db::Query q(statements_, centre ? sql::kFindWebhook : sql::kFindWebhookAnyCentre);
    q.bind("id", id);
    if (centre) q.bind("centre", *centre);
    if (!q.next()) return std::nullopt;
    return read_webhook_endpoint(q);
  }

  void update(const app::CentreScope& scope, const app::WebhookEndpoint& e) override {
    db::Query q(statements_, sql::kUpdateWebhook);
    q.bind("id", e.id).bind("centre", scope.centre_id()).bind("url", e.url).bind("events", wh_join(e.events));
    q.bind("secret", e.secret).bind("description", e.description).bind("active", e.active);
    q.bind("updated", e.updated_at).run();
  }

  void remove(const app::CentreScope& scope, const std::string& id) override {
    {
      db::Query q(statements_, sql::kDeleteWebhookDeliveries);
      q.bind("id", id).bind("centre", scope.centre_id()).run();
    }
    db::Query q(statements_, sql::kDeleteWebhook);
    q.bind("id", id).bind("centre", scope.centre_id()).run();
  }

  std::vector<app::WebhookEndpoint> list(const app::Scope& scope, const app::PageRequest& page) override {
    const auto* centre = app::centre_of(scope);
    db::Query q(statements_, centre ? sql::kListWebhooks : sql::kListWebhooksAllCentres);
    if (centre) q.bind("centre", *centre);
    q.bind("after", page.after_id).bind("limit", page.limit);
    std::vector<app::WebhookEndpoint> out;
    while (q.next()) out.push_back(read_webhook_endpoint(q));
    return out;
  }

  std::vector<app::WebhookEndpoint> active(const app::CentreScope& scope) override {
    db::Query q(statements_, sql::kActiveWebhooks);
    q.bind("centre", scope.centre_id());
    std::vector<app::WebhookEndpoint> out;
    while (q.next()) out.push_back(read_webhook_endpoint(q));
    return out;
  }

  void insert_delivery(const app::WebhookDelivery& d) override {
    db::Query q(statements_, sql::kInsertWebhookDelivery);
    q.bind("id", d.id).bind("centre", d.centre_id).bind("endpoint", d.endpoint_id).bind("event_id", d.event_id);
    q.bind("event_type", d.event_type).bind("payload", d.payload).bind("attempts", d.attempts);
    q.bind("status", d.status).bind("code", d.last_status_code).bind("error", d.last_error);
    q.bind("attempted", d.last_attempt_at).bind("delivered", d.delivered_at).bind("created", d.created_at);
    q.bind("updated", d.updated_at).run();
  }

  std::optional<app::WebhookDelivery> find_delivery(const app::CentreScope& scope, const std::string& id) override {
    db::Query q(statements_, sql::kFindWebhookDelivery);
    q.bind("id", id).bind("centre", scope.centre_id());
    if (!q.next()) return std::nullopt;
    return read_webhook_delivery(q);
  }

  void update_delivery(const app::CentreScope& scope, const app::WebhookDelivery& d) override {
    db::Query q(statements_, sql::kUpdateWebhookDelivery);
    q.bind("id", d.id).bind("centre", scope.centre_id()).bind("attempts", d.attempts).bind("status", d.status);
    q.bind("code", d.last_status_code).bind("error", d.last_error).bind("attempted", d.last_attempt_at);
    q.bind("delivered", d.delivered_at).bind("updated", d.updated_at).run();
  }

  std::vector<app::WebhookDelivery> deliveries(const app::CentreScope& scope, const std::string& endpoint_id,
                                               const app::PageRequest& page) override {
    db::Query q(statements_, sql::kListWebhookDeliveries);
    q.bind("centre", scope.centre_id()).bind("endpoint", endpoint_id).bind("after", page.after_id);
    q.bind("limit", page.limit);
    std::vector<app::WebhookDelivery> out;
    while (q.next()) out.push_back(read_webhook_delivery(q));
    return out;
  }

 private:
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::WebhookRepository, WebhookEndpoints>();
}

}  // namespace cma::store::webhooks
