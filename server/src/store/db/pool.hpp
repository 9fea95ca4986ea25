#pragma once
// The connection pool: at most `max_sessions` sessions, each opened on first use and reused; a
// caller that finds them all busy waits up to `pool_wait`, then gets app::StoreUnavailable.
#include <soci/soci.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/db/dialect.hpp"
#include "store/db/group_commit.hpp"
#include "store/db/password_source.hpp"
#include "store/db/query.hpp"

namespace cma::store::db {

class SessionPool {
 public:
  SessionPool(std::string url, int max_sessions, std::chrono::milliseconds pool_wait);
  Dialect dialect() const { return dialect_; }
  std::unique_ptr<soci::session> acquire();
  // A session that failed in a way that may have left it unusable is closed, not reused.
  void release(std::unique_ptr<soci::session> s, bool healthy);
  // The statements prepared on an acquired session, kept for as long as the session is open.
  PreparedStatements& statements(soci::session& s);
  // SQLite: where write transactions run, on a connection of their own (see group_commit.hpp).
  // PostgreSQL, whose writers run side by side: nullptr.
  GroupCommit* group_commit() { return group_commit_.get(); }
  std::size_t discarded() const;
  void set_password_source(PasswordSource source) { password_ = std::move(source); }

 private:
  std::unique_ptr<soci::session> connect();

  std::string url_;
  Dialect dialect_ = Dialect::sqlite;
  std::string sqlite_path_;
  int max_sessions_;
  std::chrono::milliseconds pool_wait_;
  PasswordSource password_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<soci::session>> idle_;
  // Declared after idle_, so destroyed before the sessions they were prepared on.
  std::unordered_map<const soci::session*, std::unique_ptr<PreparedStatements>> statements_;
  int open_sessions_ = 0;
  std::unique_ptr<GroupCommit> group_commit_;
  std::size_t discarded_ = 0;
};

}  // namespace cma::store::db
