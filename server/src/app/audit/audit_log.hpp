#pragma once
// Appending to and reading the audit trail. Every write use case appends in its own transaction.
#include <string>
#include <vector>

#include "app/audit/ports.hpp"
#include "app/context.hpp"
#include "domain/result.hpp"

namespace cma::app {

// {"field":{"before":…,"after":…}} with secrets redacted; fields that did not change are left out.
class ChangeSet {
 public:
  ChangeSet() = default;
  // For a new entity: every non-empty field is recorded with a null "before".
  static ChangeSet for_creation() {
    ChangeSet c;
    c.creating_ = true;
    return c;
  }
  ChangeSet& set(std::string_view field, const std::string& before, const std::string& after);
  ChangeSet& created(std::string_view field, const std::string& value);
  ChangeSet& redacted(std::string_view field);
  bool empty() const { return count_ == 0; }
  std::string json() const { return "{" + body_ + "}"; }

 private:
  std::string body_;
  int count_ = 0;
  bool creating_ = false;
};

struct AuditDraft {
  std::string chain;  // centre id, or "" for network-level actions
  std::string actor_user_id;
  std::string action;
  std::string entity_type;
  std::string entity_id;
  ChangeSet changes;
};

void append_audit(const Deps& deps, Transaction& tx, const RequestMeta& meta, AuditDraft draft);

// Records a refusal (the error authorize() or authorize_managing() gave, see app/authorization.hpp)
// and returns it for the caller to answer with. Refusals are not chain entries: each adds one to
// its row in access_refusals (one per centre, user, action, entity type and minute), so a flood of
// them takes no chain lock and adds one row a minute. Uses a short transaction of its own.
Error refuse(const Deps& deps, const Actor& actor, Error refusal, const std::string& action,
             const std::string& entity_type, const std::string& entity_id = "");
// The same inside the caller's open write transaction (one database write lock at a time on
// SQLite): the refusal is recorded when the caller commits `tx`, and not otherwise.
Error refuse(const Deps& deps, Transaction& tx, const Actor& actor, Error refusal, const std::string& action,
             const std::string& entity_type, const std::string& entity_id);

struct AuditQuery {
  std::string centre_id;  // admins only; managers always see their own centre
  std::string entity_type;
  std::string entity_id;
  std::string user_id;
  std::string from;
  std::string to;
  PageRequest page;
};

Result<Page<domain::AuditEntry>> list_audit(const Deps& deps, const Actor& actor, const AuditQuery& q);

struct RefusalQuery {
  std::string centre_id;  // admins only; managers always see their own centre
  std::string user_id;
  PageRequest page;
};

// Refused requests, newest first, scoped as list_audit is.
Result<Page<AccessRefusal>> list_refusals(const Deps& deps, const Actor& actor, const RefusalQuery& q);

struct AuditProblem {
  std::string chain;
  std::int64_t seq = 0;
  std::string entry_id;
  std::string reason;
};

struct AuditVerification {
  std::int64_t chains = 0;
  std::int64_t entries = 0;
  std::vector<AuditProblem> problems;  // the first problem of each broken chain
  std::string verified_at;             // when the snapshot was read (set by verify_audit_trail)
};

// Every chain, as the operator's `cma audit verify` checks it.
AuditVerification verify_audit(Database& db);

// The chains the caller may read (admins: every chain, or one centre's with `centre_id`; managers:
// their centre's), checked entry by entry against their hashes and recorded heads.
Result<AuditVerification> verify_audit_trail(const Deps& deps, const Actor& actor, const std::string& centre_id);

}  // namespace cma::app
