#include "domain/audit/audit_entry.hpp"

namespace cma::domain {

namespace {
void field(std::string& out, const std::string& v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += '\n';
}
}  // namespace

std::string canonical_content(const AuditEntry& e) {
  std::string out = "cma-audit-v1\n";
  field(out, e.id);
  field(out, e.chain);
  field(out, std::to_string(e.seq));
  field(out, e.at);
  field(out, e.actor_user_id);
  field(out, e.action);
  field(out, e.entity_type);
  field(out, e.entity_id);
  field(out, e.changes);
  field(out, e.request_id);
  field(out, e.ip);
  field(out, e.user_agent);
  field(out, e.prev_hash);
  return out;
}

}  // namespace cma::domain
