#include <algorithm>
#include <boost/json.hpp>
#include <stdexcept>

#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/jobs/jobs.hpp"
#include "app/paging.hpp"
#include "app/webhooks/webhooks.hpp"
#include "domain/identity/validation.hpp"
#include "platform/crypto.hpp"

namespace cma::app {

namespace {

std::string wh_join_events(const std::vector<std::string>& events) {
  std::string out;
  for (const auto& e : events) out.append(out.empty() ? "" : ",").append(e);
  return out;
}

std::string wh_new_secret() {
  return "whsec_" + platform::base64url_encode(platform::random_bytes(32));
}

// Checks the fields given (all of url and events when `creating`), normalising the events into
// the API's order without repeats.
std::vector<FieldError> wh_apply_input(const Deps& deps, const WebhookInput& in, bool creating, WebhookEndpoint& e) {
  std::vector<FieldError> errors = in.shape_errors;
  if (in.url) {
    std::string url = domain::trim(*in.url);
    if (auto why = check_webhook_target(deps, url, nullptr))
      errors.push_back({"url", *why});
    else
      e.url = url;
  } else if (creating) {
    errors.push_back({"url", "is required"});
  }
  if (in.events) {
    std::vector<std::string> picked;
    bool bad = false;
    for (const auto& name : *in.events) {
      if (!domain::is_webhook_event(name)) {
        errors.push_back({"events", "has an unknown event \"" + name.substr(0, 64) +
                                        "\"; the events are case.created, case.status_changed, "
                                        "appointment.scheduled, document.processed"});
        bad = true;
        break;
      }
    }
    if (!bad && in.events->empty()) errors.push_back({"events", "must name at least one event"});
    if (!bad && !in.events->empty()) {
      for (const auto& name : domain::webhook_events())
        if (std::find(in.events->begin(), in.events->end(), name) != in.events->end()) picked.push_back(name);
      e.events = picked;
    }
  } else if (creating) {
    errors.push_back({"events", "is required"});
  }
  if (in.description) {
    if (auto why = domain::check_multiline_text(*in.description, domain::kMaxWebhookDescriptionLength, false))
      errors.push_back({"description", *why});
    else
      e.description = domain::trim(*in.description);
  }
  if (in.active) e.active = *in.active;
  return errors;
}

ChangeSet wh_diff(const WebhookEndpoint& before, const WebhookEndpoint& after) {
  ChangeSet c;
  c.set("url", before.url, after.url);
  c.set("events", wh_join_events(before.events), wh_join_events(after.events));
  c.set("description", before.description, after.description);
  c.set("active", before.active ? "true" : "false", after.active ? "true" : "false");
  return c;
}

// The endpoint in the caller's reach, with its centre's scope, or the 404 every other case gives.
struct FoundWebhook {
  WebhookEndpoint endpoint;
  CentreScope scope;
};
Result<FoundWebhook> wh_find(Transaction& tx, const Actor& actor, const std::string& id) {
  if (!platform::is_uuid(id)) return Error::not_found(kNoSuchWebhook);
  auto e = tx.get<WebhookRepository>().find(Tenancy::of(actor.principal), id);
  if (!e) return Error::not_found(kNoSuchWebhook);
  auto scope = Tenancy::centre_within(actor.principal, e->centre_id);
  if (!scope) return Error::not_found(kNoSuchWebhook);
  return FoundWebhook{std::move(*e), *scope};
}

WebhookDelivery wh_enqueue_delivery(const Deps& deps, Transaction& tx, const CentreScope& scope,
                                    const std::string& endpoint_id, const std::string& event_id,
                                    const std::string& type, const std::string& body) {
  auto now = platform::format_time(deps.clock.now());
  WebhookDelivery d;
  d.id = deps.ids.next();
  d.centre_id = scope.centre_id();
  d.endpoint_id = endpoint_id;
  d.event_id = event_id;
  d.event_type = type;
  d.payload = body;
  d.created_at = now;
  d.updated_at = now;
  tx.get<WebhookRepository>().insert_delivery(d);
  JobDraft job;
  job.centre_id = scope.centre_id();
  job.kind = kWebhookDeliverJob;
  job.payload = R"({"deliveryId":")" + d.id + R"("})";
  job.max_attempts = domain::kWebhookMaxAttempts;
  enqueue_job(deps, tx, job);
  return d;
}

std::string wh_event_body(const std::string& event_id, const std::string& type, const std::string& centre_id,
                          const std::string& now, const std::string& data_json) {
  boost::system::error_code ec;
  auto data = boost::json::parse(data_json, ec);
  if (ec || !data.is_object()) throw std::invalid_argument("a webhook event's data must be a JSON object");
  boost::json::object o;
  o["id"] = event_id;
  o["type"] = type;
  o["createdAt"] = now;
  o["centreId"] = centre_id;
  o["data"] = std::move(data);
  return boost::json::serialize(o);
}

}  // namespace

Result<WebhookEndpointWithSecret> create_webhook(const Deps& deps, const Actor& actor, const WebhookInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::webhooks_manage))
    return refuse(deps, actor, *refused, "webhook.create", "webhook");
  std::optional<CentreScope> scope;
  if (in.centre_id) {
    scope = platform::is_uuid(*in.centre_id) ? Tenancy::centre_within(actor.principal, *in.centre_id) : std::nullopt;
    if (!scope) return Error::invalid_field("centreId", "is not a centre you manage");
  } else {
    scope = Tenancy::own_centre(actor.principal);
  }
  WebhookEndpoint e;
  auto errors = wh_apply_input(deps, in, true, e);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto now = platform::format_time(deps.clock.now());
  e.id = deps.ids.next();
  e.centre_id = scope->centre_id();
  e.secret = wh_new_secret();
  e.created_by = actor.principal.user_id();
  e.created_at = now;
  e.updated_at = now;
  auto tx = deps.db.begin(TxMode::write);
  tx->get<WebhookRepository>().insert(e);
  auto changes = ChangeSet::for_creation();
  changes.created("url", e.url).created("events", wh_join_events(e.events)).created("description", e.description);
  changes.created("active", e.active ? "true" : "false").redacted("secret");
  append_audit(deps, *tx, actor.meta,
               {e.centre_id, actor.principal.user_id(), "webhook.create", "webhook", e.id, changes});
  tx->commit();
  return WebhookEndpointWithSecret{e};
}

Result<Page<WebhookEndpoint>> list_webhooks(const Deps& deps, const Actor& actor, const PageRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::webhooks_manage))
    return refuse(deps, actor, *refused, "webhook.list", "webhook");
  auto tx = deps.db.begin(TxMode::read);
  PageRequest fetch = page;
  fetch.limit = page.limit + 1;
  return make_page(tx->get<WebhookRepository>().list(Tenancy::of(actor.principal), fetch), page.limit,
                   [](const WebhookEndpoint& e) { return e.id; });
}

Result<WebhookEndpoint> get_webhook(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::webhooks_manage))
    return refuse(deps, actor, *refused, "webhook.read", "webhook", id);
  auto tx = deps.db.begin(TxMode::read);
  auto found = wh_find(*tx, actor, id);
  if (!found) return found.error();
  return found->endpoint;
}

Result<WebhookEndpoint> update_webhook(const Deps& deps, const Actor& actor, const std::string& id,
                                       const WebhookInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::webhooks_manage))
    return refuse(deps, actor, *refused, "webhook.update", "webhook", id);
  if (in.centre_id) return Error::invalid_field("centreId", "cannot be changed");
  {
    auto tx = deps.db.begin(TxMode::read);
    auto found = wh_find(*tx, actor, id);
    if (!found) return found.error();
  }
  // The URL is checked (and resolved) before the write transaction, not while holding it.
  WebhookEndpoint checked;
  auto errors = wh_apply_input(deps, in, false, checked);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto tx = deps.db.begin(TxMode::write);
  auto found = wh_find(*tx, actor, id);
  if (!found) return found.error();
  WebhookEndpoint after = found->endpoint;
  if (in.url) after.url = checked.url;
  if (in.events) after.events = checked.events;
  if (in.description) after.description = checked.description;
  if (in.active) after.active = *in.active;
  auto changes = wh_diff(found->endpoint, after);
  if (changes.empty()) return after;
  after.updated_at = platform::format_time(deps.clock.now());
  tx->get<WebhookRepository>().update(found->scope, after);
  append_audit(deps, *tx, actor.meta,
               {after.centre_id, actor.principal.user_id(), "webhook.update", "webhook", id, changes});
  tx->commit();
  return after;
}

Result<WebhookEndpoint> delete_webhook(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::webhooks_manage))
    return refuse(deps, actor, *refused, "webhook.delete", "webhook", id);
  auto tx = deps.db.begin(TxMode::write);
  auto found = wh_find(*tx, actor, id);
  if (!found) return found.error();
  tx->get<WebhookRepository>().remove(found->scope, id);
  ChangeSet changes;
  changes.set("url", found->endpoint.url, "");
  append_audit(deps, *tx, actor.meta,
               {found->endpoint.centre_id, actor.principal.user_id(), "webhook.delete", "webhook", id, changes});
  tx->commit();
  return found->endpoint;
}

Result<WebhookEndpointWithSecret> rotate_webhook_secret(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::webhooks_manage))
    return refuse(deps, actor, *refused, "webhook.rotate_secret", "webhook", id);
  auto tx = deps.db.begin(TxMode::write);
  auto found = wh_find(*tx, actor, id);
  if (!found) return found.error();
  WebhookEndpoint after = found->endpoint;
  after.secret = wh_new_secret();
  after.updated_at = platform::format_time(deps.clock.now());
  tx->get<WebhookRepository>().update(found->scope, after);
  ChangeSet changes;
  changes.redacted("secret");
  append_audit(deps, *tx, actor.meta,
               {after.centre_id, actor.principal.user_id(), "webhook.rotate_secret", "webhook", id, changes});
  tx->commit();
  return WebhookEndpointWithSecret{after};
}

Result<Page<WebhookDelivery>> list_webhook_deliveries(const Deps& deps, const Actor& actor, const std::string& id,
                                                      const PageRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::webhooks_manage))
    return refuse(deps, actor, *refused, "webhook.deliveries", "webhook", id);
  auto tx = deps.db.begin(TxMode::read);
  auto found = wh_find(*tx, actor, id);
  if (!found) return found.error();
  PageRequest fetch = page;
  fetch.limit = page.limit + 1;
  return make_page(tx->get<WebhookRepository>().deliveries(found->scope, id, fetch), page.limit,
                   [](const WebhookDelivery& d) { return d.id; });
}

Result<WebhookDelivery> redeliver_webhook(const Deps& deps, const Actor& actor, const std::string& id,
                                          const std::string& delivery_id) {
  if (auto refused = authorize(actor.principal, domain::Permission::webhooks_manage))
    return refuse(deps, actor, *refused, "webhook.redeliver", "webhook", id);
  auto tx = deps.db.begin(TxMode::write);
  auto found = wh_find(*tx, actor, id);
  if (!found) return found.error();
  if (!platform::is_uuid(delivery_id)) return Error::not_found(kNoSuchWebhookDelivery);
  auto& repo = tx->get<WebhookRepository>();
  auto d = repo.find_delivery(found->scope, delivery_id);
  if (!d || d->endpoint_id != id) return Error::not_found(kNoSuchWebhookDelivery);
  if (!found->endpoint.active) return Error::precondition("The webhook is not active; activate it first.");
  std::string before = d->status;
  d->status = "pending";
  d->delivered_at.clear();
  d->updated_at = platform::format_time(deps.clock.now());
  repo.update_delivery(found->scope, *d);
  JobDraft job;
  job.centre_id = d->centre_id;
  job.kind = kWebhookDeliverJob;
  job.payload = R"({"deliveryId":")" + d->id + R"("})";
  job.max_attempts = domain::kWebhookMaxAttempts;
  enqueue_job(deps, *tx, job);
  ChangeSet changes;
  changes.set("status", before, d->status);
  append_audit(deps, *tx, actor.meta,
               {d->centre_id, actor.principal.user_id(), "webhook.redeliver", "webhook_delivery", d->id, changes});
  tx->commit();
  return *d;
}

Result<WebhookDelivery> ping_webhook(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::webhooks_manage))
    return refuse(deps, actor, *refused, "webhook.ping", "webhook", id);
  auto tx = deps.db.begin(TxMode::write);
  auto found = wh_find(*tx, actor, id);
  if (!found) return found.error();
  auto event_id = deps.ids.next();
  auto body = wh_event_body(event_id, domain::kWebhookPing, found->scope.centre_id(),
                            platform::format_time(deps.clock.now()), R"({"webhookId":")" + id + R"("})");
  auto d = wh_enqueue_delivery(deps, *tx, found->scope, id, event_id, domain::kWebhookPing, body);
  ChangeSet changes = ChangeSet::for_creation();
  changes.created("eventType", d.event_type).created("webhookId", id);
  append_audit(deps, *tx, actor.meta,
               {d.centre_id, actor.principal.user_id(), "webhook.ping", "webhook_delivery", d.id, changes});
  tx->commit();
  return d;
}

int record_webhook_event(const Deps& deps, Transaction& tx, const CentreScope& scope, const std::string& type,
                         const std::string& data_json) {
  int n = 0;
  std::string event_id;
  std::string body;
  for (const auto& e : tx.get<WebhookRepository>().active(scope)) {
    if (std::find(e.events.begin(), e.events.end(), type) == e.events.end()) continue;
    if (event_id.empty()) {
      event_id = deps.ids.next();
      body = wh_event_body(event_id, type, scope.centre_id(), platform::format_time(deps.clock.now()), data_json);
    }
    wh_enqueue_delivery(deps, tx, scope, e.id, event_id, type, body);
    ++n;
  }
  return n;
}

int record_document_processed_event(const Deps& deps, Transaction& tx, const CentreScope& scope,
                                    const std::string& document_id, const std::string& case_id,
                                    const std::string& status) {
  boost::json::object data;
  data["documentId"] = document_id;
  data["caseId"] = case_id;
  data["status"] = status;
  return record_webhook_event(deps, tx, scope, domain::kWebhookDocumentProcessed, boost::json::serialize(data));
}

}  // namespace cma::app
