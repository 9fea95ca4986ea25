// The app's Database port over SOCI, for SQLite and PostgreSQL. The pool, transactions and SQL
// helpers live in store/db/; each module's repositories and queries in store/<module>/, registered
// here once.
#include <soci/soci.h>

#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>

#include "platform/clock.hpp"
#include "platform/log.hpp"
#include "store/appointments/repositories.hpp"
#include "store/audit/repositories.hpp"
#include "store/auth/repositories.hpp"
#include "store/budgets/repositories.hpp"
#include "store/calendar/repositories.hpp"
#include "store/cases/repositories.hpp"
#include "store/clients/repositories.hpp"
#include "store/compliance/repositories.hpp"
#include "store/dashboard/repositories.hpp"
#include "store/database.hpp"
#include "store/db/pool.hpp"
#include "store/db/registry.hpp"
#include "store/db/sql.hpp"
#include "store/db/transaction.hpp"
#include "store/debts/repositories.hpp"
#include "store/documents/repositories.hpp"
#include "store/identity/repositories.hpp"
#include "store/jobs/repositories.hpp"
#include "store/migrations/migrations.hpp"
#include "store/migrations/queries.hpp"
#include "store/notes/repositories.hpp"
#include "store/notifications/repositories.hpp"
#include "store/offers/repositories.hpp"
#include "store/references/repositories.hpp"
#include "store/retention/repositories.hpp"
#include "store/search/repositories.hpp"
#include "store/tasks/repositories.hpp"
#include "store/webhooks/repositories.hpp"

namespace cma::store {

struct SociDatabase::Impl {
  Impl(const std::string& url, int pool_size, std::chrono::milliseconds pool_wait) : pool(url, pool_size, pool_wait) {
    // One line per module: the repositories it implements.
    identity::register_repositories(registry);
    auth::register_repositories(registry);
    audit::register_repositories(registry);
    references::register_repositories(registry);
    clients::register_repositories(registry);
    cases::register_repositories(registry);
    debts::register_repositories(registry);
    budgets::register_repositories(registry);
    offers::register_repositories(registry);
    notes::register_repositories(registry);
    documents::register_repositories(registry);
    tasks::register_repositories(registry);
    appointments::register_repositories(registry);
    calendar::register_repositories(registry);
    notifications::register_repositories(registry);
    retention::register_repositories(registry);
    compliance::register_repositories(registry);
    dashboard::register_repositories(registry);
    search::register_repositories(registry);
    jobs::register_repositories(registry);
    webhooks::register_repositories(registry);
  }
  db::SessionPool pool;
  std::unique_ptr<db::SessionPool> replica;
  std::atomic<std::size_t> replica_transactions{0};
  std::atomic<std::size_t> replica_fallbacks{0};
  std::atomic<std::int64_t> last_fallback_logged{-3600};
  db::RepositoryRegistry registry;
};

SociDatabase::SociDatabase(const std::string& url, int pool_size, std::chrono::milliseconds pool_wait,
                           const std::string& read_url)
    : impl_(std::make_unique<Impl>(url, pool_size, pool_wait)) {
  if (!read_url.empty()) {
    if (!platform::is_postgres_url(url) || !platform::is_postgres_url(read_url))
      throw std::invalid_argument("a read replica needs PostgreSQL for both the primary and the replica");
    impl_->replica = std::make_unique<db::SessionPool>(read_url, pool_size, pool_wait);
  }
}

SociDatabase::~SociDatabase() = default;

std::unique_ptr<app::Transaction> SociDatabase::begin(app::TxMode mode, app::ReadFrom from) {
  if (from == app::ReadFrom::replica && mode != app::TxMode::write && impl_->replica) {
    try {
      auto tx = db::begin_transaction(*impl_->replica, impl_->registry, mode);
      ++impl_->replica_transactions;
      return tx;
    } catch (const std::exception& e) {
      ++impl_->replica_fallbacks;
      // Once a minute at most: a replica that is down would otherwise log on every request.
      auto now =
          std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
      auto last = impl_->last_fallback_logged.load();
      if (now - last >= 60 && impl_->last_fallback_logged.compare_exchange_strong(last, now))
        platform::log::warn("db.replica_unavailable",
                            platform::log::Fields().add("error", std::string_view(e.what()).substr(0, 200)));
    }
  }
  return db::begin_transaction(impl_->pool, impl_->registry, mode);
}

void SociDatabase::set_password_source(db::PasswordSource source) {
  if (impl_->replica) impl_->replica->set_password_source(source);
  impl_->pool.set_password_source(std::move(source));
}

bool SociDatabase::has_replica() const {
  return impl_->replica != nullptr;
}

std::size_t SociDatabase::replica_transactions() const {
  return impl_->replica_transactions.load();
}

std::size_t SociDatabase::replica_fallbacks() const {
  return impl_->replica_fallbacks.load();
}

std::size_t SociDatabase::discarded_connections() const {
  return impl_->pool.discarded();
}

Dialect SociDatabase::dialect() const {
  return impl_->pool.dialect();
}

bool SociDatabase::ping() {
  std::unique_ptr<soci::session> s;
  try {
    s = impl_->pool.acquire();
  } catch (const std::exception& e) {
    platform::log::warn("db.ping_failed",
                        platform::log::Fields().add("error", std::string_view(e.what()).substr(0, 200)));
    return false;
  }
  try {
    int one = 0;
    *s << "SELECT 1", soci::into(one);
    impl_->pool.release(std::move(s), true);
    return one == 1;
  } catch (const std::exception& e) {
    impl_->pool.release(std::move(s), false);
    platform::log::warn("db.ping_failed",
                        platform::log::Fields().add("error", std::string_view(e.what()).substr(0, 200)));
    return false;
  }
}

void SociDatabase::execute_raw(const std::string& statement) {
  auto s = impl_->pool.acquire();
  try {
    *s << statement;
  } catch (...) {
    impl_->pool.release(std::move(s), true);
    throw;
  }
  impl_->pool.release(std::move(s), true);
}

std::vector<std::string> SociDatabase::explain(const std::string& statement, const std::vector<std::string>& params) {
  const bool pg = impl_->pool.dialect() == Dialect::postgresql;
  std::vector<std::string> plan;
  auto s = impl_->pool.acquire();
  try {
    soci::statement st(*s);
    st.alloc();
    st.prepare((pg ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + statement);
    int id = 0, parent = 0, unused = 0;
    std::string line;
    if (!pg) {  // id, parent, notused, detail
      st.exchange(soci::into(id));
      st.exchange(soci::into(parent));
      st.exchange(soci::into(unused));
    }
    st.exchange(soci::into(line));
    for (const auto& p : params) st.exchange(soci::use(p));
    st.define_and_bind();
    db::each_row(st, [&] { plan.push_back(line); });
  } catch (...) {
    impl_->pool.release(std::move(s), true);
    throw;
  }
  impl_->pool.release(std::move(s), true);
  return plan;
}

MigrationReport SociDatabase::migrate() {
  MigrationReport report;
  auto s = impl_->pool.acquire();
  bool pg = impl_->pool.dialect() == Dialect::postgresql;
  bool healthy = false;
  try {
    if (pg)
      *s << migrations::sql::kMigrationLockPostgres;
    else
      *s << "BEGIN IMMEDIATE";  // one migrator at a time on the file
    *s << migrations::sql::kCreateMigrationsTable;
    std::set<int> applied;
    {
      int v = 0;
      soci::statement st = (s->prepare << migrations::sql::kAppliedMigrations, soci::into(v));
      db::each_row(st, [&] { applied.insert(v); });
    }
    for (const auto* migration : migrations::all()) {
      const auto& m = *migration;
      if (applied.count(m.version) != 0) {
        report.current_version = m.version;
        continue;
      }
      if (pg) *s << "BEGIN";
      const auto& statements = pg && !m.postgresql_statements.empty() ? m.postgresql_statements : m.statements;
      for (const char* statement : statements) *s << statement;
      std::string at = platform::format_time(platform::SystemClock{}.now());
      std::string name = m.name;
      int version = m.version;
      *s << migrations::sql::kRecordMigration, db::param(version, "version"), db::param(name, "name"),
          db::param(at, "at");
      if (pg) *s << "COMMIT";
      char label[16];
      std::snprintf(label, sizeof label, "%04d_", m.version);
      report.applied.push_back(label + name);
      report.current_version = m.version;
    }
    if (pg)
      *s << migrations::sql::kMigrationUnlockPostgres;
    else
      *s << "COMMIT";
    healthy = true;
  } catch (...) {
    try {
      *s << "ROLLBACK";
      if (pg) *s << migrations::sql::kMigrationUnlockPostgres;
    } catch (...) {
    }
    impl_->pool.release(std::move(s), false);
    throw;
  }
  impl_->pool.release(std::move(s), healthy);
  return report;
}

}  // namespace cma::store
