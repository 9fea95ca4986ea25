// The store's own helpers, below its public header, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "store/db/pool.hpp"
#include "store/db/sql.hpp"
#include "support/backend.hpp"

namespace cma::testing {

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

}  // namespace cma::testing

namespace cma::testing {

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

}  // namespace cma::testing
