// Storage behaviour that must hold on both SQLite and PostgreSQL.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <functional>
#include <future>

#include "app/audit/ports.hpp"
#include "app/identity/ports.hpp"
#include "support/backend.hpp"
#include "support/process.hpp"
#include "support/test_app.hpp"

namespace cma::testing::store_itest {

namespace {

app::Centre centre_row(const std::string& id, const std::string& code) {
  app::Centre c;
  c.id = id;
  c.name = "Centre " + code;
  c.code = code;
  c.created_at = c.updated_at = "2026-01-01T00:00:00.000000Z";
  return c;
}

app::User user_row(const std::string& id, const std::string& centre_id, const std::string& email) {
  const std::string at = "2026-01-01T00:00:00.000000Z";
  return app::User{.id = id,
                   .centre_id = centre_id,
                   .email = email,
                   .first_name = std::string("First"),
                   .last_name = std::string("Last"),
                   .role = domain::Role::advisor,
                   .status = app::kActive,
                   .password_hash = std::string("not-a-hash"),
                   .last_login_at = {},
                   .created_at = at,
                   .updated_at = at};
}

}  // namespace

// A write that breaks a uniqueness rule surfaces as app::UniqueViolation (which use cases answer
// as a conflict); any other failed constraint stays an error, even when the values it was given
// read like a uniqueness message (SOCI quotes bound values in its error text).
TEST(Store, OnlyUniquenessFailuresBecomeUniqueViolations) {
  store::SociDatabase db(new_database_url(), 1);
  db.migrate();
  const std::string centre = "01900000-0000-7000-8000-0000000000c1";
  const std::string taken_id = "01900000-0000-7000-8000-0000000000a1";
  {
    auto tx = db.begin(app::TxMode::write);
    tx->get<app::CentreRepository>().insert(centre_row(centre, "UNQ"));
    tx->get<app::UserRepository>().insert(user_row(taken_id, centre, "taken@example.test"));
    tx->commit();
  }
  auto insert = [&](const std::function<void(app::Transaction&)>& write) -> std::string {
    auto tx = db.begin(app::TxMode::write);
    try {
      write(*tx);
    } catch (const app::UniqueViolation&) {
      return "unique violation";
    } catch (const std::exception&) {
      return "other error";
    }
    tx->commit();
    return "stored";
  };
  auto user = [&](const app::User& u) {
    return insert([&](app::Transaction& tx) { tx.get<app::UserRepository>().insert(u); });
  };
  const std::string trap = "UNIQUE constraint failed; duplicate key value violates unique constraint";

  // Uniqueness: a taken e-mail address, a taken primary key, a taken centre code.
  EXPECT_EQ(user(user_row("01900000-0000-7000-8000-0000000000a2", centre, "taken@example.test")), "unique violation");
  EXPECT_EQ(user(user_row(taken_id, centre, "free@example.test")), "unique violation");
  EXPECT_EQ(insert([&](app::Transaction& tx) {
              tx.get<app::CentreRepository>().insert(centre_row("01900000-0000-7000-8000-0000000000c2", "UNQ"));
            }),
            "unique violation");

  // Not uniqueness: a CHECK constraint, and a foreign key to no centre.
  auto bad_status = user_row("01900000-0000-7000-8000-0000000000a3", centre, "check@example.test");
  bad_status.status = "suspended";
  bad_status.first_name = trap;
  EXPECT_EQ(user(bad_status), "other error");
  auto no_centre =
      user_row("01900000-0000-7000-8000-0000000000a4", "01900000-0000-7000-8000-0000000000ff", "fk@example.test");
  no_centre.last_name = trap;
  EXPECT_EQ(user(no_centre), "other error");

  // The same text in a row that breaks no rule is stored.
  auto fine = user_row("01900000-0000-7000-8000-0000000000a5", centre, "fine@example.test");
  fine.first_name = trap;
  EXPECT_EQ(user(fine), "stored");
}

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

}  // namespace cma::testing::store_itest

namespace cma::testing::store_itest {

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

}  // namespace cma::testing::store_itest
