#include "store/db/transaction.hpp"

#include <exception>
#include <optional>
#include <utility>
#include <vector>

#include "platform/xray.hpp"

namespace cma::store::db {

namespace {

const char* span_name(app::TxMode mode) {
  switch (mode) {
    case app::TxMode::read:
      return "transaction.read";
    case app::TxMode::write:
      return "transaction.write";
    case app::TxMode::snapshot:
      return "transaction.snapshot";
  }
  return "transaction";
}

class SociTransaction final : public app::Transaction {
 public:
  SociTransaction(SessionPool& pool, const RepositoryRegistry& registry, app::TxMode mode)
      : span_(span_name(mode)),
        pool_(pool),
        registry_(registry),
        exceptions_at_start_(std::uncaught_exceptions()),
        group_(mode == app::TxMode::write ? pool.group_commit() : nullptr) {
    if (group_ != nullptr) {  // SQLite's writers: a member of the writer connection's batch
      group_->enter();
      connection_.emplace(Connection{group_->session(), Dialect::sqlite, group_->statements()});
      open_ = true;
      return;
    }
    session_ = pool.acquire();
    connection_.emplace(Connection{*session_, pool.dialect(), pool.statements(*session_)});
    if (mode == app::TxMode::read) return;  // autocommit: no BEGIN/COMMIT round trips for plain reads
    bool sqlite = pool_.dialect() == Dialect::sqlite;
    try {
      if (mode == app::TxMode::write) {
        run("BEGIN");
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
    repositories_.clear();  // before the session they use is given back
    if (group_ != nullptr) {
      if (open_) group_->rollback();
      return;
    }
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
    if (group_ != nullptr) {
      open_ = false;     // the member's turn ends in commit(), whatever it returns
      group_->commit();  // returns once the batch is on disk; throws if it is not
      committed();
      return;
    }
    run("COMMIT");
    open_ = false;
    committed();
  }

 protected:
  void* repository(std::type_index port) override {
    for (auto& [type, repo] : repositories_)
      if (type == port) return repo.get();
    repositories_.emplace_back(port, registry_.make(port, *connection_));
    return repositories_.back().second.get();
  }

 private:
  // Transaction control, prepared once per connection like the statements it brackets.
  void run(const char* statement) { Query(connection_->statements, statement).run(); }

  // When the request is traced: the wait for a connection (or the write turn), every statement, and
  // the rollback or release at the end, as one subsegment; declared first so it spans all of it.
  platform::xray::Span span_;
  SessionPool& pool_;
  const RepositoryRegistry& registry_;
  int exceptions_at_start_;
  GroupCommit* group_;
  std::unique_ptr<soci::session> session_;
  std::optional<Connection> connection_;
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
