// Storage behaviour that must hold on both SQLite and PostgreSQL.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <future>

#include "support/backend.hpp"
#include "support/process.hpp"
#include "support/test_app.hpp"

namespace cma::testing {

// Two API processes starting together: the migrations run exactly once and both succeed.
TEST(Store, ConcurrentMigrationsApplyOnce) {
  auto url = new_database_url();
  const std::string migrate = "migrate --log-level off --database-url '" + url + "'";
  auto a = std::async(std::launch::async, [&] { return run_cma(migrate); });
  auto b = std::async(std::launch::async, [&] { return run_cma(migrate); });
  auto out_a = a.get(), out_b = b.get();
  EXPECT_EQ(out_a.exit_code, 0) << out_a.output;
  EXPECT_EQ(out_b.exit_code, 0) << out_b.output;
  int applied =
      (out_a.output.find("applied:") != std::string::npos) + (out_b.output.find("applied:") != std::string::npos);
  EXPECT_EQ(applied, 1) << out_a.output << "\n" << out_b.output;
  auto again = run_cma(migrate);
  EXPECT_NE(again.output.find("schema is up to date"), std::string::npos) << again.output;
}

TEST(Store, UserCreateCommandMakesTheFirstAdminAndIsAudited) {
  auto url = new_database_url();
  auto out = run_cma("user create --log-level off --database-url '" + url +
                     "' --email First@Example.org --first-name First --last-name Admin --role admin --centre HQ"
                     " --centre-name 'Head Office'");
  EXPECT_EQ(out.exit_code, 0) << out.output;
  EXPECT_NE(out.output.find("created user"), std::string::npos) << out.output;
  EXPECT_NE(out.output.find("password: "), std::string::npos) << out.output;
  auto dup = run_cma("user create --log-level off --database-url '" + url +
                     "' --email first@example.org --first-name F --last-name A --role admin --centre HQ");
  EXPECT_EQ(dup.exit_code, 1) << dup.output;
  auto bad = run_cma("user create --log-level off --database-url '" + url +
                     "' --email x@example.org --first-name F --last-name A --role root --centre HQ");
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_NE(bad.output.find("role:"), std::string::npos) << bad.output;
  auto verify = run_cma("audit verify --log-level off --database-url '" + url + "'");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_NE(verify.output.find("intact"), std::string::npos) << verify.output;
}

}  // namespace cma::testing

namespace cma::testing {

// The database drops every connection (a failover or restart): the pool must not keep handing out
// the dead ones. At most the request that finds a connection dead fails; the next ones succeed.
TEST(Store, PoolRecoversWhenTheDatabaseDropsItsConnections) {
  if (!using_postgres()) GTEST_SKIP() << "SQLite connections cannot be dropped from outside";
  TestApp app({.workers = 2});
  auto t = app.login(app.advisor_a);
  ASSERT_EQ(app.get("/api/v1/me", t).status, 200);
  ASSERT_EQ(app.get("/api/v1/me", t).status, 200);
  store::SociDatabase killer(app.database_url(), 1);
  killer.execute_raw(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
      "pg_backend_pid()");
  int failures = 0;
  for (int i = 0; i < 4; ++i) failures += app.get("/api/v1/me", t).status != 200;
  EXPECT_LE(failures, 2);  // one per pooled connection at most
  for (int i = 0; i < 5; ++i) EXPECT_EQ(app.get("/api/v1/me", t).status, 200);
  EXPECT_EQ(app.get("/health", "").status, 200);
}

}  // namespace cma::testing
