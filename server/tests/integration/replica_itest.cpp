// DATABASE_READ_URL: search, the dashboard, the audit trail's pages and reports read a PostgreSQL
// hot standby (as an RDS read replica), everything else the primary; a replica that cannot be
// reached sends those reads to the primary instead of failing them.
#include <gtest/gtest.h>

#include "support/backend.hpp"
#include "support/process.hpp"
#include "support/test_app.hpp"

namespace cma::testing::replica_itest {
namespace json = boost::json;

namespace {
bool finds(TestApp& app, const std::string& token, const std::string& word, const std::string& id) {
  auto r = app.get("/api/v1/search?q=" + word, token);
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return false;
  for (const auto& item : r.obj().at("items").as_array())
    if (item.at("id").as_string() == id ||
        (item.as_object().contains("clientId") && item.at("clientId").as_string() == id))
      return true;
  return false;
}
}  // namespace

TEST(Replica, SearchReadsTheReplicaWhileRecordsAndWritesUseThePrimary) {
  if (!using_postgres()) GTEST_SKIP() << "read replicas are PostgreSQL's";
  PgPrimaryAndReplica pg;
  TestApp app({.database_url = pg.primary_url(), .database_read_url = pg.replica_url()});
  ASSERT_TRUE(app.db().has_replica());
  auto t = app.login(app.advisor_a);

  auto first = app.post("/api/v1/clients", json::object{{"firstName", "Zebedee"}, {"lastName", "Quorn"}}, t);
  ASSERT_EQ(first.status, 201) << first.body;
  ASSERT_TRUE(wait_until([&] { return finds(app, t, "quorn", first.str("id")); }, 30)) << "the replica caught up";

  // The standby stops applying changes: what is written now is on the primary only.
  pg.pause_replay();
  auto later = app.post("/api/v1/clients", json::object{{"firstName", "Ottoline"}, {"lastName", "Quimby"}}, t);
  ASSERT_EQ(later.status, 201) << later.body;
  EXPECT_EQ(app.get("/api/v1/clients/" + later.str("id"), t).status, 200) << "a record is read from the primary";
  auto update = app.patch("/api/v1/clients/" + later.str("id"), json::object{{"postcode", "LS1 4AP"}}, t);
  EXPECT_EQ(update.status, 200) << update.body;
  EXPECT_FALSE(finds(app, t, "quimby", later.str("id"))) << "search read the lagging replica";
  EXPECT_TRUE(finds(app, t, "quorn", first.str("id")));
  EXPECT_GT(app.db().replica_transactions(), 0u);

  pg.resume_replay();
  EXPECT_TRUE(wait_until([&] { return finds(app, t, "quimby", later.str("id")); }, 30));

  // The replica goes away: search answers from the primary, slower but right.
  pg.stop_replica();
  auto unseen = app.post("/api/v1/clients", json::object{{"firstName", "Wilhelmina"}, {"lastName", "Quaife"}}, t);
  ASSERT_EQ(unseen.status, 201) << unseen.body;
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(finds(app, t, "quaife", unseen.str("id")));
  EXPECT_GT(app.db().replica_fallbacks(), 0u);
  EXPECT_EQ(app.get("/api/v1/dashboard", t).status, 200);
}

}  // namespace cma::testing::replica_itest
