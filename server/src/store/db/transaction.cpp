#include "store/db/transaction.hpp"

#include <exception>
#include <utility>
#include <vector>

namespace cma::store::db {

namespace {

class SociTransaction final : public app::Transaction {
 public:
  SociTransaction(SessionPool& pool, const RepositoryRegistry& registry, app::TxMode mode)
      : pool_(pool),
        registry_(registry),
        exceptions_at_start_(std::uncaught_exceptions()),
        session_(pool.acquire()),
        connection_{*session_, pool.dialect(), pool.statements(*session_)} {
    if (mode == app::TxMode::read) return;  // autocommit: no BEGIN/COMMIT round trips for plain reads
    bool sqlite = pool_.dialect() == Dialect::sqlite;
    try {
      if (mode == app::TxMode::write) {
        // IMMEDIATE takes SQLite's write lock up front, so two writers never deadlock on upgrade.
        run(sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
      } else {
        // Both take their snapshot at the transaction's first statement and keep it to the end
        // (SQLite in WAL mode: a deferred transaction's first read pins the WAL frame it reads up to).
        run(sqlite ? "BEGIN DEFERRED" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      }
      open_ = true;
    } catch (...) {
      pool_.release(std::move(session_), false);
      throw;
    }
  }
  ~SociTransaction() override {
    repositories_.clear();  // before the session they use goes back to the pool
    // Unwinding from a database error: the connection may be broken (e.g. the server restarted),
    // so it is closed rather than handed to the next request; a new one is opened on demand.
    bool healthy = std::uncaught_exceptions() == exceptions_at_start_;
    if (open_) {
      try {
        run("ROLLBACK");
      } catch (...) {
        healthy = false;
      }
    }
    pool_.release(std::move(session_), healthy);
  }
  void commit() override {
    if (!open_) return;
    run("COMMIT");
    open_ = false;
  }

 protected:
  void* repository(std::type_index port) override {
    for (auto& [type, repo] : repositories_)
      if (type == port) return repo.get();
    repositories_.emplace_back(port, registry_.make(port, connection_));
    return repositories_.back().second.get();
  }

 private:
  // Transaction control, prepared once per connection like the statements it brackets.
  void run(const char* statement) { Query(connection_.statements, statement).run(); }

  SessionPool& pool_;
  const RepositoryRegistry& registry_;
  int exceptions_at_start_;
  std::unique_ptr<soci::session> session_;
  Connection connection_;
  bool open_ = false;
  // A transaction uses a handful of repositories at most: a short list beats a hash map here.
  std::vector<std::pair<std::type_index, std::shared_ptr<void>>> repositories_;
};

}  // namespace

std::unique_ptr<app::Transaction> begin_transaction(SessionPool& pool, const RepositoryRegistry& registry,
                                                    app::TxMode mode) {
  return std::make_unique<SociTransaction>(pool, registry, mode);
}

}  // namespace cma::store::db
