#pragma once
// The app's Database port over SOCI, for SQLite and PostgreSQL, chosen by URL.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "app/unit_of_work.hpp"
#include "platform/config.hpp"
#include "store/db/dialect.hpp"
#include "store/db/password_source.hpp"

namespace cma::store {

using Dialect = db::Dialect;

struct MigrationReport {
  std::vector<std::string> applied;  // "0001_identity", …
  int current_version = 0;
};

class SociDatabase final : public app::Database {
 public:
  // `pool_size` connections at most; each is opened on first use and reused. A caller that finds
  // them all in use waits up to `pool_wait` for one, then gets app::StoreUnavailable.
  // `read_url`: a PostgreSQL read replica for the reads that may go to one (app::ReadFrom), with a
  // pool of its own of the same size; "" for none.
  SociDatabase(const std::string& url, int pool_size,
               std::chrono::milliseconds pool_wait = std::chrono::milliseconds(platform::kDefaultDbPoolWaitMs),
               const std::string& read_url = "");
  ~SociDatabase() override;
  SociDatabase(const SociDatabase&) = delete;
  SociDatabase& operator=(const SociDatabase&) = delete;

  using app::Database::begin;
  // A read for the replica goes to the primary instead when no connection to the replica can be
  // had (it is down, or its pool stays busy): slower, never wrong.
  std::unique_ptr<app::Transaction> begin(app::TxMode mode, app::ReadFrom from) override;
  bool ping() override;
  Dialect dialect() const;
  // Connections closed instead of reused because a database call failed on them (in a transaction or
  // a health check), so a later request opens a new one.
  std::size_t discarded_connections() const;
  bool has_replica() const;
  // PostgreSQL: where each new connection's password comes from, instead of the URL or PGPASSWORD
  // (a secret that rotates; see db::PasswordSource). A refused connection is tried once more when
  // the source has a different password. Set before the first connection.
  void set_password_source(db::PasswordSource source);
  // Transactions begun on the replica, and those meant for it that went to the primary instead.
  std::size_t replica_transactions() const;
  std::size_t replica_fallbacks() const;
  // Applies pending migrations. On PostgreSQL an advisory lock makes concurrent callers migrate once.
  MigrationReport migrate();
  // Runs one statement outside any use case; for tests and operator tools only.
  void execute_raw(const std::string& sql);
  // The plan the database chooses for `sql` with `params` bound in order (as text), one line per
  // plan node: SQLite's EXPLAIN QUERY PLAN details, PostgreSQL's EXPLAIN lines. Tests and tools only.
  std::vector<std::string> explain(const std::string& sql, const std::vector<std::string>& params);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// libpq's key/value connection string for a postgresql:// URL (user, password, host, port, dbname,
// and query parameters such as sslmode), with percent-decoding and quoting; a non-empty `password`
// takes the place of the URL's (and of PGPASSWORD).
std::string postgres_conninfo(const std::string& url, const std::string& password = "");

}  // namespace cma::store
