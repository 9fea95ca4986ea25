#pragma once
// Transactions as the use cases see them. Each module declares its own repositories in its
// ports.hpp; a transaction hands out any of them by type (tx.get<UserRepository>()), so adding a
// resource adds a repository without touching this file or any other module's.
#include <functional>
#include <memory>
#include <stdexcept>
#include <typeindex>
#include <vector>

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

// One database transaction. Destroying it without commit() rolls everything back.
class Transaction {
 public:
  virtual ~Transaction() = default;
  // The repository implementing `Port` over this transaction. Every port has exactly one
  // implementation registered by the store; asking for another is a wiring bug.
  template <class Port>
  Port& get() {
    return *static_cast<Port*>(repository(std::type_index(typeid(Port))));
  }
  virtual void commit() = 0;
  // Runs `f` once commit() has succeeded, never after a rollback: for news of the change that must
  // not arrive before the change can be seen (waking the job workers).
  void after_commit(std::function<void()> f) { after_commit_.push_back(std::move(f)); }

 protected:
  virtual void* repository(std::type_index port) = 0;
  // Implementations call this at the end of a successful commit(). What runs must not throw.
  void committed() {
    auto run = std::move(after_commit_);
    after_commit_.clear();
    for (auto& f : run) f();
  }

 private:
  std::vector<std::function<void()>> after_commit_;
};

// read: no transaction of its own; each statement sees the latest committed data (cheap, for
//   single lookups and pages that need not agree with each other).
// write: one transaction that takes the write lock up front (SQLite) and sees its own changes.
// snapshot: read-only; every statement sees the same committed state (as of the first statement)
//   however long it runs and whatever commits meanwhile. For reads that must agree with each
//   other, such as verifying the audit chains against their heads.
enum class TxMode { read, write, snapshot };

// primary: the database writes go to. replica: a read replica when one is configured
//   (DATABASE_READ_URL), else the primary. A replica lags the primary by up to its replication
//   delay (usually well under a second), so only reads that may miss the last moment's writes go
//   there: search, the dashboard, the audit trail's pages, reports. Writes always go to the primary.
enum class ReadFrom { primary, replica };

class Database {
 public:
  virtual ~Database() = default;
  std::unique_ptr<Transaction> begin(TxMode mode) { return begin(mode, ReadFrom::primary); }
  virtual std::unique_ptr<Transaction> begin(TxMode mode, ReadFrom from) = 0;
  virtual bool ping() = 0;
};

}  // namespace cma::app
