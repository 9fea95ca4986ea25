#include "http/audit/json.hpp"

#include "http/json_fields.hpp"

namespace cma::http {

namespace json = boost::json;

json::object Json<domain::AuditEntry>::of(const domain::AuditEntry& e) {
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

json::object Json<app::AccessRefusal>::of(const app::AccessRefusal& r) {
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

}  // namespace cma::http
