// Storage behaviour that must hold on both SQLite and PostgreSQL.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <future>

#include "support/backend.hpp"
#include "support/test_app.hpp"

namespace cma::testing {

namespace {
std::string run_cma(const std::string& args) {
  std::string cmd = std::string(CMA_BINARY) + " " + args + " --log-level off 2>&1";
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  char buf[512];
  while (std::fgets(buf, sizeof buf, p) != nullptr) out += buf;
  int rc = ::pclose(p);
  out += "exit=" + std::to_string(WIFEXITED(rc) ? WEXITSTATUS(rc) : -1);
  return out;
}
}  // namespace

// Two API processes starting together: the migrations run exactly once and both succeed.
TEST(Store, ConcurrentMigrationsApplyOnce) {
  auto url = new_database_url();
  auto a = std::async(std::launch::async, [&] { return run_cma("migrate --database-url '" + url + "'"); });
  auto b = std::async(std::launch::async, [&] { return run_cma("migrate --database-url '" + url + "'"); });
  auto out_a = a.get(), out_b = b.get();
  EXPECT_NE(out_a.find("exit=0"), std::string::npos) << out_a;
  EXPECT_NE(out_b.find("exit=0"), std::string::npos) << out_b;
  int applied = (out_a.find("applied:") != std::string::npos) + (out_b.find("applied:") != std::string::npos);
  EXPECT_EQ(applied, 1) << out_a << "\n" << out_b;
  auto again = run_cma("migrate --database-url '" + url + "'");
  EXPECT_NE(again.find("schema is up to date"), std::string::npos) << again;
}

TEST(Store, UserCreateCommandMakesTheFirstAdminAndIsAudited) {
  auto url = new_database_url();
  auto out = run_cma("user create --database-url '" + url +
                     "' --email First@Example.org --first-name First --last-name Admin --role admin --centre HQ"
                     " --centre-name 'Head Office'");
  EXPECT_NE(out.find("created user"), std::string::npos) << out;
  EXPECT_NE(out.find("password: "), std::string::npos) << out;
  auto dup = run_cma("user create --database-url '" + url +
                     "' --email first@example.org --first-name F --last-name A --role admin --centre HQ");
  EXPECT_NE(dup.find("exit=1"), std::string::npos) << dup;
  auto bad = run_cma("user create --database-url '" + url +
                     "' --email x@example.org --first-name F --last-name A --role root --centre HQ");
  EXPECT_NE(bad.find("role:"), std::string::npos) << bad;
  auto verify = run_cma("audit verify --database-url '" + url + "'");
  EXPECT_NE(verify.find("intact"), std::string::npos) << verify;
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
