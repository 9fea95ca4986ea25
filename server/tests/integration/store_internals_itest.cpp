// The store's own helpers, below its public header, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/db/pool.hpp"
#include "store/db/registry.hpp"
#include "store/db/sql.hpp"
#include "store/db/transaction.hpp"
#include "support/backend.hpp"

namespace cma::testing::store_internals_itest {

// Parameters are matched to placeholders by name: binding them in another order than they appear
// in the statement changes nothing (bound by position, this would read "first-second").
TEST(StoreInternals, ParametersAreBoundByNameNotByPosition) {
  store::db::SessionPool pool(new_database_url(), 1, std::chrono::seconds(5));
  auto session = pool.acquire();
  std::string a = "first", b = "second", out;
  *session << "SELECT CAST(:b AS TEXT) || '-' || CAST(:a AS TEXT)", soci::into(out), store::db::param(a, "a"),
      store::db::param(b, "b");
  EXPECT_EQ(out, "second-first");
  int limit = 2;
  std::string after = "x", joined;
  *session << "SELECT CAST(:after AS TEXT) || CAST(:limit AS TEXT) || CAST(:after2 AS TEXT)", soci::into(joined),
      store::db::param(limit, "limit"), store::db::param(after, "after2"), store::db::param(after, "after");
  EXPECT_EQ(joined, "x2x");
  pool.release(std::move(session), true);
}

}  // namespace cma::testing::store_internals_itest

namespace cma::testing::store_internals_itest {

namespace {
// A pooled session with its prepared statements, given back healthy at the end of the scope.
struct Borrowed {
  explicit Borrowed(store::db::SessionPool& p) : pool(p), session(p.acquire()), statements(p.statements(*session)) {}
  ~Borrowed() { pool.release(std::move(session), true); }
  store::db::SessionPool& pool;
  std::unique_ptr<soci::session> session;
  store::db::PreparedStatements& statements;
};
}  // namespace

// Native statements: named placeholders (a name may repeat), quoted colons and casts left alone,
// and a statement prepared once gives each run its own values.
TEST(StoreInternals, PreparedQueriesBindByNameAndLeaveQuotedTextAlone) {
  store::db::SessionPool pool(new_database_url(), 1, std::chrono::seconds(5));
  Borrowed b(pool);
  const char* sql =
      "SELECT CAST(:b AS TEXT) || '-:a-' || CAST(:a AS TEXT) || CAST(:b AS TEXT), CAST(:n AS INTEGER) + 1";
  for (int round = 0; round < 3; ++round) {
    store::db::Query q(b.statements, sql);
    std::string a = "A";
    a.append(std::to_string(round));
    q.bind("a", a).bind("b", "B").bind("n", 41LL + round);
    ASSERT_TRUE(q.next());
    std::string expected = "B-:a-";
    expected.append(a).append("B");
    EXPECT_EQ(q.text(0), expected);
    EXPECT_EQ(q.integer(1), 42 + round);
    EXPECT_FALSE(q.next());
  }
  store::db::Query unknown(b.statements, "SELECT CAST(:x AS TEXT)");
  EXPECT_THROW(unknown.bind("y", "nope"), std::logic_error);
}

// A statement is never handed to two queries at once (the second would reset the first's rows).
TEST(StoreInternals, APreparedStatementRunsOnceAtATime) {
  store::db::SessionPool pool(new_database_url(), 1, std::chrono::seconds(5));
  Borrowed b(pool);
  const char* sql = "SELECT 1";
  store::db::Query first(b.statements, sql);
  EXPECT_THROW(store::db::Query(b.statements, sql), std::logic_error);
}

// Writes through native statements: rows changed, and a duplicate key reported as such (not as any
// failure), so write_guarded turns exactly that into the app's UniqueViolation.
TEST(StoreInternals, PreparedWritesReportChangesAndUniqueViolations) {
  store::db::SessionPool pool(new_database_url(), 1, std::chrono::seconds(5));
  Borrowed b(pool);
  *b.session << "CREATE TABLE native_probe (id TEXT PRIMARY KEY, n INTEGER NOT NULL)";
  const char* insert = "INSERT INTO native_probe (id, n) VALUES (:id, :n)";
  for (const char* id : {"a", "b", "c"}) {
    store::db::Query q(b.statements, insert);
    q.bind("id", id).bind("n", 1);
    EXPECT_EQ(q.run(), 1);
  }
  store::db::Query update(b.statements, "UPDATE native_probe SET n = n + :d WHERE id <> :id");
  update.bind("d", 5).bind("id", "a");
  EXPECT_EQ(update.run(), 2);
  try {
    store::db::Query dup(b.statements, insert);
    dup.bind("id", "a").bind("n", 2);
    dup.run();
    ADD_FAILURE() << "a duplicate key was accepted";
  } catch (const store::db::DatabaseError& e) {
    EXPECT_TRUE(e.unique_violation()) << e.code() << " " << e.what();
  }
  EXPECT_THROW(store::db::write_guarded([&] {
                 store::db::Query dup(b.statements, insert);
                 dup.bind("id", "b").bind("n", 2);
                 dup.run();
               }),
               app::UniqueViolation);
  try {
    store::db::Query bad(b.statements, "INSERT INTO native_probe (id, n) VALUES (:id, NULL)");
    bad.bind("id", "z");
    bad.run();
    ADD_FAILURE() << "a NULL was accepted";
  } catch (const store::db::DatabaseError& e) {
    EXPECT_FALSE(e.unique_violation()) << e.code();
  }
  store::db::Query sum(b.statements, "SELECT COUNT(*), SUM(n) FROM native_probe");
  ASSERT_TRUE(sum.next());
  EXPECT_EQ(sum.integer(0), 3);
  EXPECT_EQ(sum.integer(1), 13);
}

}  // namespace cma::testing::store_internals_itest

namespace cma::testing::store_internals_itest {

namespace {
// A repository of the test's own, to run statements inside the store's transactions.
struct Probe {
  virtual ~Probe() = default;
  virtual void insert(const std::string& id) = 0;
  virtual long long count(const std::string& id) = 0;
};
struct ProbeOverConnection final : Probe {
  explicit ProbeOverConnection(store::db::Connection& c) : statements(c.statements) {}
  void insert(const std::string& id) override {
    store::db::Query q(statements, "INSERT INTO commit_probe (id) VALUES (:id)");
    q.bind("id", id).run();
  }
  long long count(const std::string& id) override {
    store::db::Query q(statements, "SELECT COUNT(*) FROM commit_probe WHERE id = :id");
    q.bind("id", id);
    return q.next() ? q.integer(0) : -1;
  }
  store::db::PreparedStatements& statements;
};
}  // namespace

// Concurrent writers, some of which roll back: every committed write is visible to another
// connection the moment its commit() returns (on SQLite, where writes are committed in batches,
// commit() waits for its batch), and no rolled-back write ever appears, whoever shared its batch.
TEST(StoreInternals, ConcurrentWritesAreVisibleWhenCommitReturnsAndRollbacksStayOut) {
  store::db::SessionPool pool(new_database_url(), 8, std::chrono::seconds(10));
  store::db::RepositoryRegistry registry;
  registry.add<Probe, ProbeOverConnection>();
  {
    auto s = pool.acquire();
    *s << "CREATE TABLE commit_probe (id TEXT PRIMARY KEY)";
    pool.release(std::move(s), true);
  }
  constexpr int kThreads = 8, kEach = 40;
  std::atomic<int> unseen{0}, committed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        std::string id = "t";
        id.append(std::to_string(t)).append("-").append(std::to_string(i));
        bool keep = (i % 3) != 0;
        {
          auto tx = store::db::begin_transaction(pool, registry, app::TxMode::write);
          tx->get<Probe>().insert(keep ? id : id + "-undone");
          if (keep) tx->commit();
        }
        if (!keep) continue;
        ++committed;
        auto reader = store::db::begin_transaction(pool, registry, app::TxMode::read);
        if (reader->get<Probe>().count(id) != 1) ++unseen;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(unseen.load(), 0) << "a commit returned before its write could be read";
  auto s = pool.acquire();
  long long rows = 0, undone = 0;
  *s << "SELECT COUNT(*) FROM commit_probe", soci::into(rows);
  *s << "SELECT COUNT(*) FROM commit_probe WHERE id LIKE '%-undone'", soci::into(undone);
  pool.release(std::move(s), true);
  EXPECT_EQ(rows, committed.load());
  EXPECT_EQ(undone, 0);
}

}  // namespace cma::testing::store_internals_itest
