#pragma once
// An audit entry and the exact bytes its hash covers. Entries form one hash chain per centre
// (network-level actions, such as creating a centre, form the chain with an empty centre id).
#include <cstdint>
#include <string>

namespace cma::domain {

struct AuditEntry {
  std::string id;
  std::string chain;          // centre id, or "" for the network chain
  std::int64_t seq{0};        // 1, 2, 3 … within the chain
  std::string at;             // RFC 3339 UTC, microseconds
  std::string actor_user_id;  // "" when nobody is signed in (e.g. a failed login)
  std::string action;         // e.g. "user.create", "auth.login_failed"
  std::string entity_type;
  std::string entity_id;
  std::string changes;  // JSON: {"field":{"before":…,"after":…}}, secrets redacted
  std::string request_id;
  std::string ip;
  std::string user_agent;
  std::string prev_hash;  // hex SHA-256 of the previous entry in the chain ("" for the first)
  std::string hash;       // hex SHA-256 of canonical_content(*this)
};

// Length-prefixed fields, so no value can be shifted into its neighbour without changing the bytes.
std::string canonical_content(const AuditEntry& e);

}  // namespace cma::domain
