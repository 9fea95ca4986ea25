#include "http/routes/representations.hpp"

#include "app/paging.hpp"
#include "http/json_fields.hpp"

namespace cma::http {

namespace json = boost::json;

json::object to_json(const app::User& u) {
  return json::object{{"id", u.id},
                      {"centreId", u.centre_id},
                      {"email", u.email},
                      {"firstName", u.first_name},
                      {"lastName", u.last_name},
                      {"role", std::string(domain::to_string(u.role))},
                      {"status", u.status},
                      {"lastLoginAt", nullable(u.last_login_at)},
                      {"createdAt", u.created_at},
                      {"updatedAt", u.updated_at}};
}

json::object to_json(const app::Centre& c) {
  boost::system::error_code ec;
  auto settings = json::parse(c.settings, ec);
  if (ec || !settings.is_object()) settings = json::object{};
  return json::object{{"id", c.id},
                      {"name", c.name},
                      {"code", c.code},
                      {"address", c.address},
                      {"contactEmail", c.contact_email},
                      {"contactPhone", c.contact_phone},
                      {"status", c.status},
                      {"settings", settings},
                      {"createdAt", c.created_at},
                      {"updatedAt", c.updated_at}};
}

json::object to_json(const domain::AuditEntry& e) {
  boost::system::error_code ec;
  auto changes = json::parse(e.changes, ec);
  if (ec) changes = json::object{};
  return json::object{{"id", e.id},
                      {"centreId", nullable(e.chain)},
                      {"seq", e.seq},
                      {"at", e.at},
                      {"actorUserId", nullable(e.actor_user_id)},
                      {"action", e.action},
                      {"entityType", e.entity_type},
                      {"entityId", nullable(e.entity_id)},
                      {"changes", changes},
                      {"requestId", e.request_id},
                      {"ip", e.ip},
                      {"userAgent", e.user_agent},
                      {"prevHash", e.prev_hash},
                      {"hash", e.hash}};
}

json::object to_json(const app::AccessRefusal& r) {
  return json::object{{"id", r.id},
                      {"centreId", r.centre_id},
                      {"userId", r.user_id},
                      {"action", r.action},
                      {"entityType", r.entity_type},
                      {"minute", r.minute},
                      {"count", r.count},
                      {"firstAt", r.first_at},
                      {"lastAt", r.last_at},
                      {"lastEntityId", nullable(r.last_entity_id)},
                      {"lastRequestId", r.last_request_id},
                      {"lastIp", r.last_ip},
                      {"lastUserAgent", r.last_user_agent}};
}

Result<app::PageRequest> page_request(const Request& req) {
  return app::parse_page(req.query_value("limit"), req.query_value("cursor"));
}

}  // namespace cma::http
