#pragma once
// The audit module's storage: the hash chains and the refusal counts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/audit/records.hpp"
#include "domain/audit/audit_entry.hpp"

namespace cma::app {

struct AuditFilter {
  Scope scope;
  std::string entity_type;
  std::string entity_id;
  std::string actor_user_id;
  std::string from;  // inclusive, RFC 3339
  std::string to;    // exclusive
};

struct RefusalFilter {
  Scope scope;
  std::string user_id;
};

struct AuditHead {
  std::int64_t seq = 0;
  std::string hash;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // The chain's last seq and hash, locked against concurrent appends until the transaction ends.
  virtual AuditHead lock_head(const std::string& chain) = 0;
  virtual void append(const domain::AuditEntry& e) = 0;
  virtual void set_head(const std::string& chain, const AuditHead& head) = 0;
  // Newest first; `before_id` is the keyset cursor.
  virtual std::vector<domain::AuditEntry> list(const AuditFilter& f, const std::string& before_id, int limit) = 0;
  virtual std::vector<std::string> chains() = 0;
  virtual std::optional<AuditHead> head(const std::string& chain) = 0;
  virtual std::vector<domain::AuditEntry> read_chain(const std::string& chain, std::int64_t after_seq, int limit) = 0;
  // Adds one to the row of `r`'s centre, user, action, entity type and minute, creating it with
  // `r`'s id and times if it is the minute's first, and keeps the latest request's details. Touches
  // no chain and no chain head.
  virtual void record_refusal(const AccessRefusal& r) = 0;
  // Newest first; `before_id` is the keyset cursor.
  virtual std::vector<AccessRefusal> list_refusals(const RefusalFilter& f, const std::string& before_id, int limit) = 0;
};

}  // namespace cma::app
