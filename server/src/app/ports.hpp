#pragma once
// The outside world as the use cases see it. Implemented by store/ (SQLite, PostgreSQL).
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/model.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/identity/login_throttle.hpp"

namespace cma::app {

// Thrown by a repository when a write breaks a uniqueness rule (a race the use case's own check lost).
struct UniqueViolation : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Thrown by Database::begin when no pooled connection frees up within the configured wait: the
// process is saturated, so the caller is told to retry later instead of being kept waiting.
struct StoreUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class CentreRepository {
 public:
  virtual ~CentreRepository() = default;
  virtual std::optional<Centre> find(const Scope& scope, const std::string& id) = 0;
  virtual bool code_taken(const std::string& code, const std::string& except_id) = 0;
  virtual void insert(const Centre& c) = 0;
  virtual void update(const Centre& c) = 0;
  virtual std::vector<Centre> list(const Scope& scope, const std::string& after_id, int limit) = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual std::optional<User> find(const Scope& scope, const std::string& id) = 0;
  virtual std::optional<User> find_by_email(const std::string& normalized_email) = 0;
  // The user, only while the account and its centre are both active.
  virtual std::optional<User> find_active(const std::string& id) = 0;
  virtual void insert(const User& u) = 0;
  virtual void update(const User& u) = 0;
  virtual void record_login(const std::string& id, const std::string& at) = 0;
  virtual std::vector<User> list(const Scope& scope, const std::string& after_id, int limit) = 0;
  virtual std::int64_t count() = 0;
};

class RefreshTokenRepository {
 public:
  virtual ~RefreshTokenRepository() = default;
  virtual void insert(const RefreshToken& t) = 0;
  virtual std::optional<RefreshToken> find_by_hash(const std::string& token_hash) = 0;
  // Marks the token used unless it already was; false means someone used it first.
  virtual bool mark_used(const std::string& id, const std::string& at) = 0;
  virtual void revoke_family(const std::string& family_id, const std::string& at) = 0;
  virtual void revoke_all_for_user(const std::string& user_id, const std::string& at) = 0;
};

class LoginThrottleRepository {
 public:
  virtual ~LoginThrottleRepository() = default;
  // The counter for `key` (zero when there is none yet), locked against concurrent sign-in
  // attempts until the transaction ends. Callers lock several keys in sorted order.
  virtual domain::ThrottleCounter lock(const std::string& key) = 0;
  virtual void save(const std::string& key, const domain::ThrottleCounter& counter, const std::string& now) = 0;
  // Forgets counters last changed before `before`.
  virtual void prune_before(const std::string& before) = 0;
};

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

// One database transaction. Destroying it without commit() rolls everything back.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual CentreRepository& centres() = 0;
  virtual UserRepository& users() = 0;
  virtual RefreshTokenRepository& refresh_tokens() = 0;
  virtual LoginThrottleRepository& login_throttle() = 0;
  virtual AuditRepository& audit() = 0;
  virtual void commit() = 0;
};

// read: no transaction of its own; each statement sees the latest committed data (cheap, for
//   single lookups and pages that need not agree with each other).
// write: one transaction that takes the write lock up front (SQLite) and sees its own changes.
// snapshot: read-only; every statement sees the same committed state (as of the first statement)
//   however long it runs and whatever commits meanwhile. For reads that must agree with each
//   other, such as verifying the audit chains against their heads.
enum class TxMode { read, write, snapshot };

class Database {
 public:
  virtual ~Database() = default;
  virtual std::unique_ptr<Transaction> begin(TxMode mode) = 0;
  virtual bool ping() = 0;
};

}  // namespace cma::app
