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
