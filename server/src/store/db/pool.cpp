#include "store/db/pool.hpp"

#include <poll.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <stdexcept>
#include <thread>

#include "app/unit_of_work.hpp"
#include "platform/config.hpp"
#include "store/database.hpp"

namespace cma::store::db {

namespace {

// WAL is a property of the file, set once. Switching needs a lock that SQLite does not wait for
// (busy_timeout does not apply), so a process opening the file while another migrates it only
// reads the mode when it is already WAL, and otherwise retries the switch for a while.
void use_wal(soci::session& s) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  for (;;) {
    try {
      std::string mode;
      s << "PRAGMA journal_mode", soci::into(mode);
      if (mode == "wal") return;
      s << "PRAGMA journal_mode = WAL", soci::into(mode);
      if (mode == "wal") return;
    } catch (const soci::soci_error&) {
      if (std::chrono::steady_clock::now() >= deadline) throw;
    }
    if (std::chrono::steady_clock::now() >= deadline)
      throw std::runtime_error("the SQLite database could not be switched to WAL mode");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

// Whether an idle PostgreSQL connection still holds. Nothing arrives on an idle connection unless
// the server is closing it (a restart, a failover, a replica going away, an administrator ending
// it), usually with a last message and then the end of the stream, which may come a moment apart:
// anything to read at all means it is not to be used. Checked without a round trip.
bool still_connected(soci::session& s) {
  auto* conn = static_cast<soci::postgresql_session_backend*>(s.get_backend())->conn_;
  if (PQstatus(conn) != CONNECTION_OK) return false;
  pollfd p{PQsocket(conn), POLLIN, 0};
  if (p.fd < 0) return false;
  return ::poll(&p, 1, 0) == 0;
}

}  // namespace

SessionPool::SessionPool(std::string url, int max_sessions, std::chrono::milliseconds pool_wait)
    : url_(std::move(url)), max_sessions_(max_sessions > 0 ? max_sessions : 4), pool_wait_(pool_wait) {
  if (platform::is_sqlite_url(url_)) {
    dialect_ = Dialect::sqlite;
    // Memory statistics take a process-wide mutex on every allocation; nothing here reads them.
    static std::once_flag once;
    // Each connection is used by one thread at a time (the pool hands it out), so SQLite's
    // per-connection mutexes are not needed either: multi-thread mode, not serialized.
    std::call_once(once, [] {
      sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
      sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    });
    // sqlite:///relative/path.db and sqlite:////absolute/path.db, as SQLAlchemy spells them.
    constexpr std::string_view prefix = "sqlite:///";
    sqlite_path_ = url_.size() > prefix.size() && url_.rfind(prefix, 0) == 0
                       ? url_.substr(prefix.size())
                       : url_.substr(std::string_view("sqlite://").size());
    auto parent = std::filesystem::path(sqlite_path_).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    group_commit_ = std::make_unique<GroupCommit>([this] { return connect(); });
  } else {
    dialect_ = Dialect::postgresql;
  }
}

std::unique_ptr<soci::session> SessionPool::connect() {
  std::unique_ptr<soci::session> s;
  if (dialect_ == Dialect::sqlite) {
    s = std::make_unique<soci::session>(*soci::factory_sqlite3(), "db=" + sqlite_path_ + " timeout=10");
    // Errors then carry e.g. SQLITE_CONSTRAINT_UNIQUE rather than a bare SQLITE_CONSTRAINT.
    sqlite_api::sqlite3_extended_result_codes(static_cast<soci::sqlite3_session_backend*>(s->get_backend())->conn_, 1);
    use_wal(*s);
    *s << "PRAGMA synchronous = FULL";
    *s << "PRAGMA foreign_keys = ON";
    *s << "PRAGMA busy_timeout = 10000";
  } else {
    if (!password_) {
      s = std::make_unique<soci::session>(*soci::factory_postgresql(), postgres_conninfo(url_));
    } else {
      auto password = password_(nullptr);
      try {
        s = std::make_unique<soci::session>(*soci::factory_postgresql(), postgres_conninfo(url_, password));
      } catch (const soci::soci_error&) {
        // Refused, perhaps because the secret was rotated since it was read: read it again, and
        // try once more if it changed.
        auto fresh = password_(&password);
        if (fresh == password) throw;
        s = std::make_unique<soci::session>(*soci::factory_postgresql(), postgres_conninfo(url_, fresh));
      }
    }
    *s << "SET TIME ZONE 'UTC'";
  }
  return s;
}

std::unique_ptr<soci::session> SessionPool::acquire() {
  auto deadline = std::chrono::steady_clock::now() + pool_wait_;
  std::unique_lock lock(mu_);
  for (;;) {
    if (!idle_.empty()) {
      auto s = std::move(idle_.back());
      idle_.pop_back();
      if (dialect_ == Dialect::sqlite || still_connected(*s)) return s;
      lock.unlock();
      release(std::move(s), false);  // closed, and a new one opened in its place below
      lock.lock();
      continue;
    }
    if (open_sessions_ < max_sessions_) {
      ++open_sessions_;
      lock.unlock();
      try {
        return connect();
      } catch (...) {
        std::lock_guard again(mu_);
        --open_sessions_;
        cv_.notify_one();
        throw;
      }
    }
    if (cv_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() && open_sessions_ >= max_sessions_)
      throw app::StoreUnavailable("all " + std::to_string(max_sessions_) + " database connections stayed busy for " +
                                  std::to_string(pool_wait_.count()) + " ms");
  }
}

void SessionPool::release(std::unique_ptr<soci::session> s, bool healthy) {
  std::unique_ptr<PreparedStatements> closing;
  {
    std::lock_guard lock(mu_);
    if (healthy) {
      idle_.push_back(std::move(s));
    } else {
      --open_sessions_;
      ++discarded_;
      if (auto it = statements_.find(s.get()); it != statements_.end()) {
        closing = std::move(it->second);
        statements_.erase(it);
      }
    }
    cv_.notify_one();
  }
  closing.reset();  // its statements go before the session they belong to
}

PreparedStatements& SessionPool::statements(soci::session& s) {
  std::lock_guard lock(mu_);
  auto& slot = statements_[&s];
  if (!slot) slot = std::make_unique<PreparedStatements>(s, dialect_);
  return *slot;
}

std::size_t SessionPool::discarded() const {
  std::lock_guard lock(mu_);
  return discarded_;
}

}  // namespace cma::store::db
