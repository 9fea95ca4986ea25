// Every write is audited in its own transaction's chain; tampering is detected.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

#include "app/audit/audit_log.hpp"
#include "app/audit/ports.hpp"
#include "app/identity/ports.hpp"
#include "store/audit/queries.hpp"
#include "support/backend.hpp"
#include "support/process.hpp"
#include "support/test_app.hpp"

namespace cma::testing::audit_itest {
namespace json = boost::json;

namespace {
const json::object* find_action(const HttpResult& r, const std::string& action) {
  for (const auto& e : r.obj().at("items").as_array())
    if (e.as_object().at("action").as_string() == action) return &e.as_object();
  return nullptr;
}

// Three audited updates in centre A's chain, after the seed and a login.
void rename_advisor_three_times(TestApp& app) {
  auto t = app.login(app.manager_a);
  for (int i = 0; i < 3; ++i) {
    auto r = app.patch("/api/v1/users/" + app.advisor_a.id, json::object{{"lastName", "Name" + std::to_string(i)}}, t);
    ASSERT_EQ(r.status, 200) << r.body;
  }
}
}  // namespace

TEST(Audit, WritesRecordBeforeAndAfterWithSecretsRedacted) {
  TestApp app;
  auto t = app.login(app.manager_a);
  json::object body{{"email", "n@a.test"},
                    {"firstName", "N"},
                    {"lastName", "P"},
                    {"role", "trainee"},
                    {"password", "secret password 123"}};
  auto created = app.call("POST", "/api/v1/users", t, json::serialize(body),
                          {{"X-Request-Id", "req-create-1"}, {"User-Agent", "audit-test"}});
  ASSERT_EQ(created.status, 201);
  ASSERT_EQ(app.patch("/api/v1/users/" + created.str("id"), json::object{{"lastName", "Q"}}, t).status, 200);

  auto audit = app.get("/api/v1/audit?entityId=" + created.str("id"), t);
  ASSERT_EQ(audit.status, 200) << audit.body;
  auto* create = find_action(audit, "user.create");
  ASSERT_NE(create, nullptr) << audit.body;
  EXPECT_EQ(create->at("actorUserId").as_string(), app.manager_a.id);
  EXPECT_EQ(create->at("centreId").as_string(), app.centre_a);
  EXPECT_EQ(create->at("requestId").as_string(), "req-create-1");
  EXPECT_EQ(create->at("userAgent").as_string(), "audit-test");
  EXPECT_EQ(create->at("ip").as_string(), "127.0.0.1");
  EXPECT_EQ(create->at("changes").at("email").at("after").as_string(), "n@a.test");
  EXPECT_TRUE(create->at("changes").at("email").at("before").is_null());
  EXPECT_EQ(audit.body.find("secret password 123"), std::string::npos);
  EXPECT_EQ(audit.body.find("$argon2"), std::string::npos);
  auto* update = find_action(audit, "user.update");
  ASSERT_NE(update, nullptr);
  EXPECT_EQ(update->at("changes").at("lastName").at("before").as_string(), "P");
  EXPECT_EQ(update->at("changes").at("lastName").at("after").as_string(), "Q");
  EXPECT_EQ(update->at("changes").as_object().size(), 1u);

  auto logins = app.get("/api/v1/audit?entityType=user&userId=" + app.manager_a.id, t);
  EXPECT_NE(find_action(logins, "auth.login"), nullptr);
  ASSERT_EQ(app.login_result(app.manager_a.email, "wrong password here").status, 401);
  auto failures = app.get("/api/v1/audit?entityId=" + app.manager_a.id, t);
  EXPECT_NE(find_action(failures, "auth.login_failed"), nullptr);
}

TEST(Audit, TimeFiltersAndPagingAreValidated) {
  TestApp app;
  auto t = app.login(app.admin);
  EXPECT_EQ(app.get("/api/v1/audit?from=yesterday", t).status, 422);
  EXPECT_EQ(app.get("/api/v1/audit?from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z", t).status, 200);
  auto future = app.get("/api/v1/audit?from=2999-01-01T00:00:00Z", t);
  EXPECT_TRUE(future.obj().at("items").as_array().empty());
  auto page1 = app.get("/api/v1/audit?limit=2", t);
  ASSERT_EQ(page1.obj().at("items").as_array().size(), 2u);
  auto page2 = app.get("/api/v1/audit?limit=2&cursor=" + std::string(page1.obj().at("nextCursor").as_string()), t);
  ASSERT_EQ(page2.status, 200);
  EXPECT_NE(page1.obj().at("items").as_array()[1].as_object().at("id"),
            page2.obj().at("items").as_array()[0].as_object().at("id"));
  // Newest first.
  EXPECT_GT(page1.obj().at("items").as_array()[1].as_object().at("id").as_string(),
            page2.obj().at("items").as_array()[0].as_object().at("id").as_string());
}

TEST(Audit, VerifyFindsEditedInsertedAndDeletedEntries) {
  TestApp app;
  rename_advisor_three_times(app);
  auto clean = app::verify_audit(app.db());
  EXPECT_TRUE(clean.problems.empty());
  EXPECT_GE(clean.entries, 10);
  auto verify = run_cma("audit verify --log-level off --database-url '" + app.database_url() + "'");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_NE(verify.output.find("intact"), std::string::npos);

  const std::string chain = app.centre_a;
  // Edit an entry in the middle of centre A's chain.
  app.db().execute_raw("UPDATE audit_log SET changes = '{}' WHERE chain = '" + chain + "' AND seq = 3");
  auto edited = app::verify_audit(app.db());
  ASSERT_EQ(edited.problems.size(), 1u);
  EXPECT_EQ(edited.problems[0].chain, chain);
  EXPECT_EQ(edited.problems[0].seq, 3);
  EXPECT_NE(edited.problems[0].reason.find("edited"), std::string::npos);
  auto broken = run_cma("audit verify --log-level off --database-url '" + app.database_url() + "'");
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.output.find("entry 3"), std::string::npos) << broken.output;
}

TEST(Audit, VerifyFindsDeletionsInTheMiddleAndAtTheEnd) {
  TestApp app;
  rename_advisor_three_times(app);
  const std::string chain = app.centre_a;
  app.db().execute_raw("DELETE FROM audit_log WHERE chain = '" + chain + "' AND seq = 4");
  auto deleted = app::verify_audit(app.db());
  ASSERT_EQ(deleted.problems.size(), 1u);
  EXPECT_EQ(deleted.problems[0].seq, 5);
  EXPECT_NE(deleted.problems[0].reason.find("missing"), std::string::npos);

  TestApp other;
  auto t2 = other.login(other.manager_b);
  ASSERT_EQ(other.patch("/api/v1/users/" + other.advisor_b.id, json::object{{"lastName", "X"}}, t2).status, 200);
  other.db().execute_raw("DELETE FROM audit_log WHERE chain = '" + other.centre_b +
                         "' AND seq = (SELECT MAX(seq) FROM audit_log WHERE chain = '" + other.centre_b + "')");
  auto tail = app::verify_audit(other.db());
  ASSERT_EQ(tail.problems.size(), 1u);
  EXPECT_NE(tail.problems[0].reason.find("deleted"), std::string::npos);
}

TEST(Audit, VerifyFindsAnInsertedEntry) {
  TestApp app;
  auto t = app.login(app.manager_a);
  ASSERT_EQ(app.patch("/api/v1/users/" + app.advisor_a.id, json::object{{"lastName", "X"}}, t).status, 200);
  const std::string chain = app.centre_a;
  // Shift the later entries up by one and slip a forged entry in at seq 2 (hash copied from a neighbour).
  app.db().execute_raw("UPDATE audit_log SET seq = seq + 1000 WHERE chain = '" + chain + "' AND seq >= 2");
  app.db().execute_raw("UPDATE audit_log SET seq = seq - 999 WHERE chain = '" + chain + "' AND seq >= 1000");
  app.db().execute_raw(
      "INSERT INTO audit_log (id, chain, seq, at, actor_user_id, action, entity_type, entity_id, changes, request_id, "
      "ip, "
      "user_agent, prev_hash, hash) SELECT '01900000-0000-7000-8000-00000000beef', chain, 2, at, actor_user_id, "
      "'user.update', entity_type, entity_id, '{}', request_id, ip, user_agent, hash, hash FROM audit_log WHERE chain "
      "= '" +
      chain + "' AND seq = 1");
  auto report = app::verify_audit(app.db());
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0].seq, 2);
  EXPECT_EQ(report.problems[0].entry_id, "01900000-0000-7000-8000-00000000beef");
}

}  // namespace cma::testing::audit_itest

namespace cma::testing::audit_itest {

TEST(Audit, VerifyStillChecksAChainWhoseHeadRowWasDeleted) {
  TestApp app;
  app.db().execute_raw("DELETE FROM audit_heads WHERE chain = '" + app.centre_a + "'");
  auto report = app::verify_audit(app.db());
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0].chain, app.centre_a);
  EXPECT_NE(report.problems[0].reason.find("no recorded head"), std::string::npos) << report.problems[0].reason;
}

// Entries that chain correctly but do not end at the recorded head: added after it, or the last
// one swapped for another.
TEST(Audit, VerifyFindsEntriesAddedOrReplacedAtTheEnd) {
  TestApp app;
  platform::UuidV7Generator ids(app.clock());
  app::Deps deps{app.db(), app.clock(), ids, app.reference()};
  const std::string chain = app.centre_a;
  auto head_now = [&] { return *app.db().begin(app::TxMode::read)->get<app::AuditRepository>().head(chain); };
  auto append = [&] {
    auto tx = app.db().begin(app::TxMode::write);
    app::append_audit(deps, *tx, {"forged", "local", "sql"}, {chain, "", "user.update", "user", "", {}});
    tx->commit();
  };
  auto set_head = [&](const app::AuditHead& h) {
    app.db().execute_raw("UPDATE audit_heads SET seq = " + std::to_string(h.seq) + ", hash = '" + h.hash +
                         "' WHERE chain = '" + chain + "'");
  };

  auto before = head_now();
  append();
  auto last = head_now();
  set_head(before);  // the entry stays, the head goes back
  auto added = app::verify_audit(app.db());
  ASSERT_EQ(added.problems.size(), 1u);
  EXPECT_EQ(added.problems[0].seq, before.seq + 1);
  EXPECT_NE(added.problems[0].reason.find("past its recorded head"), std::string::npos) << added.problems[0].reason;

  // Put the head right, then replace the last entry by a well-formed one the head does not name.
  set_head(last);
  append();
  auto real = head_now();
  app.db().execute_raw("DELETE FROM audit_log WHERE chain = '" + chain + "' AND seq = " + std::to_string(real.seq));
  set_head(last);
  append();
  set_head(real);
  auto replaced = app::verify_audit(app.db());
  ASSERT_EQ(replaced.problems.size(), 1u);
  EXPECT_EQ(replaced.problems[0].seq, real.seq);
  EXPECT_NE(replaced.problems[0].reason.find("replaced"), std::string::npos) << replaced.problems[0].reason;
}

}  // namespace cma::testing::audit_itest

namespace cma::testing::audit_itest {

// Verifying a live system: appends keep committing in several chains while `verify` runs. Each run
// must see one consistent state (the entries and the heads as of one moment), never a false alarm.
TEST(Audit, VerifyRaisesNoFalseAlarmWhileWritersAppend) {
  TestApp app;
  platform::UuidV7Generator ids(app.clock());
  app::Deps deps{app.db(), app.clock(), ids, app.reference()};
  const std::vector<std::string> chains = {app.centre_a, app.centre_b, ""};
  std::atomic<bool> stop{false};
  std::atomic<int> appended{0};
  std::vector<std::thread> writers;
  struct StopAndJoin {  // also when a verify run throws
    std::atomic<bool>& stop;
    std::vector<std::thread>& threads;
    void now() {
      stop = true;
      for (auto& t : threads)
        if (t.joinable()) t.join();
    }
    ~StopAndJoin() { now(); }
  } writers_done{stop, writers};
  for (int w = 0; w < 3; ++w) {
    writers.emplace_back([&, w] {
      app::RequestMeta meta{"writer-" + std::to_string(w), "127.0.0.1", "audit-test"};
      // Bounded, so a slow machine still finishes; far more appends than the verifier needs to race.
      for (int i = 0; i < 20000 && !stop; ++i) {
        auto tx = deps.db.begin(app::TxMode::write);
        app::ChangeSet changes;
        changes.set("lastName", std::to_string(i), std::to_string(i + 1));
        app::append_audit(
            deps, *tx, meta,
            {chains[(w + i) % chains.size()], app.manager_a.id, "user.update", "user", app.advisor_a.id, changes});
        tx->commit();
        ++appended;
      }
    });
  }
  // A separate connection, as `cma audit verify` would have.
  store::SociDatabase verifier(app.database_url(), 1);
  std::vector<std::string> alarms;
  int runs = 0;
  for (; runs < 30; ++runs) {
    while (appended.load() < 20 * (runs + 1) && appended.load() < 3 * 20000) std::this_thread::yield();
    auto report = app::verify_audit(verifier);
    for (const auto& p : report.problems)
      alarms.push_back("run " + std::to_string(runs) + ", chain '" + p.chain + "' entry " + std::to_string(p.seq) +
                       ": " + p.reason);
  }
  writers_done.now();
  EXPECT_TRUE(alarms.empty()) << alarms.size() << " false alarms in " << runs << " runs, e.g. " << alarms.front();
  auto quiet = app::verify_audit(app.db());
  EXPECT_TRUE(quiet.problems.empty());
  EXPECT_GE(quiet.entries, appended.load());
}

}  // namespace cma::testing::audit_itest

namespace cma::testing::audit_itest {

namespace {
std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}
bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
}  // namespace

// A page of the audit list or of the refusal log, first or deep, is a walk down an index from the
// cursor: the plans of the very statements the store runs show the index and no sort, on both
// databases.
TEST(Audit, ListPagesWalkAnIndexWithoutSorting) {
  store::SociDatabase db(new_database_url(), 1);
  db.migrate();
  // A network whose busy centres write most of the trail, and a small centre (the one listed
  // below) with one row in every 300, interleaved in time as they would be: enough rows that
  // sorting, or walking every centre's rows in id order to pick out the small centre's, is not the
  // cheap plan. Generated in SQL for speed; only ids (zero-padded, so text order is number order)
  // and centres matter here.
  constexpr int kRows = 100000, kSmallEvery = 300;
  const bool pg = using_postgres();
  const std::string small = "small-centre";
  const std::string series = pg ? "SELECT i FROM generate_series(1, " + std::to_string(kRows) + ") AS n(i)"
                                : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                                      std::to_string(kRows) + ") SELECT i FROM n";
  const std::string id = pg ? "lpad(i::text, 12, '0')" : "printf('%012d', i)";
  const std::string centre =
      "CASE WHEN i % " + std::to_string(kSmallEvery) + " = 0 THEN '" + small + "' ELSE 'busy-' || (i % 19) END";
  const std::string at = "'2026-01-01T00:00:00.000000Z'";
  db.execute_raw("INSERT INTO audit_log (id, chain, seq, at, action, prev_hash, hash) SELECT " + id + ", " + centre +
                 ", i, " + at + ", 'user.update', '', '' FROM (" + series + ") AS s");
  db.execute_raw(
      "INSERT INTO access_refusals (id, centre_id, user_id, action, entity_type, minute, count, first_at, last_at) "
      "SELECT " +
      id + ", " + centre + ", 'u', 'user.list', 'user', " + id + ", 1, " + at + ", " + at + " FROM (" + series +
      ") AS s");
  const std::string middle = "000000090000";  // a cursor deep in the list
  if (pg) db.execute_raw("ANALYZE");

  auto params = [&](std::vector<std::string> head, int filters) {
    head.insert(head.end(), filters, "");
    head.push_back("51");
    return head;
  };
  struct Case {
    const char* name;
    const char* sql;
    std::vector<std::string> params;
    std::string table;
    std::string index;  // as each database names it
    bool range;         // the cursor bounds the walk
  };
  const std::string audit_pkey = pg ? "audit_log_pkey" : "sqlite_autoindex_audit_log_1";
  const std::string refusals_pkey = pg ? "access_refusals_pkey" : "sqlite_autoindex_access_refusals_1";
  const std::vector<Case> cases = {
      {"kListAuditInChain", store::audit::sql::kListAuditInChain, params({small}, 10), "audit_log",
       "audit_log_chain_idx", false},
      {"kListAuditInChainBefore", store::audit::sql::kListAuditInChainBefore, params({small, middle}, 10), "audit_log",
       "audit_log_chain_idx", true},
      {"kListAudit", store::audit::sql::kListAudit, params({}, 10), "audit_log", audit_pkey, false},
      {"kListAuditBefore", store::audit::sql::kListAuditBefore, params({middle}, 10), "audit_log", audit_pkey, true},
      {"kListRefusalsInCentre", store::audit::sql::kListRefusalsInCentre, params({small}, 2), "access_refusals",
       "access_refusals_centre_idx", false},
      {"kListRefusalsInCentreBefore", store::audit::sql::kListRefusalsInCentreBefore, params({small, middle}, 2),
       "access_refusals", "access_refusals_centre_idx", true},
      {"kListRefusals", store::audit::sql::kListRefusals, params({}, 2), "access_refusals", refusals_pkey, false},
      {"kListRefusalsBefore", store::audit::sql::kListRefusalsBefore, params({middle}, 2), "access_refusals",
       refusals_pkey, true},
  };
  for (const auto& c : cases) {
    auto plan = joined(db.explain(c.sql, c.params));
    SCOPED_TRACE(std::string(c.name) + " on " + backend_name() + ":\n" + plan);
    if (pg) {
      EXPECT_TRUE(contains(plan, "Index Scan Backward using " + c.index + " on " + c.table));
      EXPECT_FALSE(contains(plan, "Sort"));
      if (c.range) {
        EXPECT_TRUE(contains(plan, "Index Cond: ") && contains(plan, "(id < "));
      }
    } else {
      EXPECT_TRUE(contains(plan, "USING INDEX " + c.index) || contains(plan, "USING COVERING INDEX " + c.index));
      EXPECT_FALSE(contains(plan, "TEMP B-TREE"));
      if (c.range) {
        EXPECT_TRUE(contains(plan, "id<?"));
      }
    }
  }

  // And the pages themselves: every entry of the chain once, newest first, across pages.
  app::AuditFilter f{*app::Tenancy::centre_within(app::Principal::operator_command(), small), {}, {}, {}, {}, {}};
  std::string cursor, previous = "~";
  int seen = 0;
  for (;;) {
    auto page = db.begin(app::TxMode::read)->get<app::AuditRepository>().list(f, cursor, 100);
    for (const auto& e : page) {
      EXPECT_EQ(e.chain, small);
      EXPECT_LT(e.id, previous);
      previous = e.id;
      ++seen;
    }
    if (page.size() < 100) break;
    cursor = page.back().id;
  }
  EXPECT_EQ(seen, kRows / kSmallEvery);
}

}  // namespace cma::testing::audit_itest

namespace cma::testing::audit_itest {

namespace {
const json::array& items(const HttpResult& r) {
  return r.obj().at("items").as_array();
}
std::int64_t chain_entries(TestApp& app) {
  auto report = app::verify_audit(app.db());
  EXPECT_TRUE(report.problems.empty());
  return report.entries;
}
}  // namespace

// A trainee hammering a page it may not see: 200 refusals become one counted row, and not one
// chain entry.
TEST(Audit, RefusalFloodIsCountedInOneRowOutsideTheChain) {
  TestApp app;
  auto trainee = app.login(app.trainee_a);
  auto manager = app.login(app.manager_a);
  const auto entries_before = chain_entries(app);
  for (int i = 0; i < 200; ++i) ASSERT_EQ(app.get("/api/v1/users", trainee).status, 403);
  EXPECT_EQ(chain_entries(app), entries_before);

  auto r = app.get("/api/v1/audit/refusals", manager);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(items(r).size(), 1u) << r.body;
  const auto& row = items(r)[0].as_object();
  EXPECT_EQ(row.at("count").as_int64(), 200);
  EXPECT_EQ(row.at("centreId").as_string(), app.centre_a);
  EXPECT_EQ(row.at("userId").as_string(), app.trainee_a.id);
  EXPECT_EQ(row.at("action").as_string(), "user.list");
  EXPECT_EQ(row.at("entityType").as_string(), "user");
  EXPECT_TRUE(row.at("lastEntityId").is_null());
  EXPECT_EQ(row.at("lastIp").as_string(), "127.0.0.1");
  EXPECT_EQ(std::string(row.at("minute").as_string()).substr(16), ":00.000000Z");
  EXPECT_LE(row.at("firstAt").as_string(), row.at("lastAt").as_string());

  // The next minute starts a new row.
  app.clock().advance(std::chrono::minutes(1));
  ASSERT_EQ(app.get("/api/v1/users", trainee).status, 403);
  auto later = app.get("/api/v1/audit/refusals", manager);
  ASSERT_EQ(items(later).size(), 2u) << later.body;
  EXPECT_EQ(items(later)[0].as_object().at("count").as_int64(), 1);
  EXPECT_EQ(items(later)[1].as_object().at("count").as_int64(), 200);
  EXPECT_EQ(chain_entries(app), entries_before);
}

// Refused requests are scoped like the trail: managers see their own centre's, admins everyone's.
TEST(Audit, RefusalsAreListedWithinTheCentreWithKeysetPaging) {
  TestApp app;
  auto trainee_a = app.login(app.trainee_a), advisor_a = app.login(app.advisor_a), trainee_b = app.login(app.trainee_b);
  ASSERT_EQ(app.get("/api/v1/users", trainee_a).status, 403);
  ASSERT_EQ(app.get("/api/v1/audit", trainee_a).status, 403);
  ASSERT_EQ(app.get("/api/v1/audit/refusals", trainee_a).status, 403);
  ASSERT_EQ(app.get("/api/v1/users", advisor_a).status, 403);
  ASSERT_EQ(app.get("/api/v1/users", trainee_b).status, 403);

  auto manager_a = app.login(app.manager_a);
  auto mine = app.get("/api/v1/audit/refusals?limit=100", manager_a);
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(items(mine).size(), 4u) << mine.body;
  for (const auto& i : items(mine)) EXPECT_EQ(i.as_object().at("centreId").as_string(), app.centre_a);
  EXPECT_EQ(items(mine)[1].as_object().at("action").as_string(), "audit.read");
  EXPECT_EQ(items(mine)[1].as_object().at("entityType").as_string(), "access_refusal");
  EXPECT_EQ(app.get("/api/v1/audit/refusals?centreId=" + app.centre_b, manager_a).status, 404);
  auto one_user = app.get("/api/v1/audit/refusals?userId=" + app.advisor_a.id, manager_a);
  ASSERT_EQ(items(one_user).size(), 1u);
  EXPECT_EQ(items(one_user)[0].as_object().at("userId").as_string(), app.advisor_a.id);

  auto theirs = app.get("/api/v1/audit/refusals", app.login(app.manager_b));
  ASSERT_EQ(items(theirs).size(), 1u) << theirs.body;
  EXPECT_EQ(items(theirs)[0].as_object().at("userId").as_string(), app.trainee_b.id);

  auto admin = app.login(app.admin);
  EXPECT_EQ(items(app.get("/api/v1/audit/refusals?limit=100", admin)).size(), 5u);
  auto only_b = app.get("/api/v1/audit/refusals?centreId=" + app.centre_b, admin);
  ASSERT_EQ(items(only_b).size(), 1u);
  EXPECT_EQ(items(only_b)[0].as_object().at("centreId").as_string(), app.centre_b);

  // Pages of 3, within the centre and across centres: every row once, newest first.
  for (const std::string& who : {manager_a, admin}) {
    std::vector<std::string> ids;
    std::string cursor;
    for (int page = 0; page < 5; ++page) {
      auto r = app.get("/api/v1/audit/refusals?limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor), who);
      ASSERT_EQ(r.status, 200) << r.body;
      for (const auto& i : items(r)) ids.emplace_back(i.as_object().at("id").as_string());
      if (r.obj().at("nextCursor").is_null()) break;
      cursor = r.obj().at("nextCursor").as_string();
    }
    EXPECT_EQ(ids.size(), who == admin ? 5u : 4u);
    for (std::size_t i = 1; i < ids.size(); ++i) EXPECT_GT(ids[i - 1], ids[i]);
  }
  EXPECT_EQ(app.get("/api/v1/audit/refusals?cursor=nonsense", admin).status, 422);
}

// A refusal decided inside a write transaction (the target must be read first) is recorded there,
// and the transaction carries nothing else.
TEST(Audit, RefusalInsideAWriteIsRecordedAndChangesNothing) {
  TestApp app;
  auto manager = app.login(app.manager_a);
  const auto entries_before = chain_entries(app);
  EXPECT_EQ(app.patch("/api/v1/users/" + app.admin.id, json::object{{"firstName", "Evil"}}, manager).status, 403);
  EXPECT_EQ(app.post("/api/v1/users/" + app.admin.id + "/deactivate", json::object{}, manager).status, 403);
  auto r = app.get("/api/v1/audit/refusals", manager);
  ASSERT_EQ(items(r).size(), 2u) << r.body;
  for (const auto& i : items(r)) {
    EXPECT_EQ(i.as_object().at("userId").as_string(), app.manager_a.id);
    EXPECT_EQ(i.as_object().at("lastEntityId").as_string(), app.admin.id);
  }
  EXPECT_EQ(items(r)[0].as_object().at("action").as_string(), "user.deactivate");
  EXPECT_EQ(items(r)[1].as_object().at("action").as_string(), "user.update");
  auto admin = app.get("/api/v1/users/" + app.admin.id, app.login(app.admin));
  EXPECT_EQ(admin.str("firstName"), "Test");
  EXPECT_EQ(admin.str("status"), "active");
  EXPECT_EQ(chain_entries(app), entries_before + 1);  // the admin's login, nothing else

  // The use case owns its transaction: recording a refusal in it does not commit it.
  platform::UuidV7Generator ids(app.clock());
  app::Deps deps{app.db(), app.clock(), ids, app.reference()};
  app::User trainee_user;
  trainee_user.id = app.trainee_a.id;
  trainee_user.centre_id = app.centre_a;
  trainee_user.role = domain::Role::trainee;
  app::Actor trainee{app::Principal::signed_in(trainee_user), {"r", "127.0.0.1", "test"}};
  {
    auto tx = app.db().begin(app::TxMode::write);
    app::refuse(deps, *tx, trainee, Error::denied("Your role may not do this."), "user.update", "user",
                app.advisor_a.id);
  }  // rolled back
  EXPECT_TRUE(items(app.get("/api/v1/audit/refusals?userId=" + app.trainee_a.id, manager)).empty());
}

// Refusals never wait for a centre's chain lock (PostgreSQL locks each chain's head row; SQLite has
// one write lock for everything, so there is nothing per chain to show there).
TEST(Audit, RefusalsDoNotWaitForTheChainLock) {
  if (!using_postgres()) GTEST_SKIP() << "SQLite serialises all writes; there is no per-chain lock";
  TestApp app;
  auto trainee = app.login(app.trainee_a);
  auto holder = app.db().begin(app::TxMode::write);
  holder->get<app::AuditRepository>().lock_head(app.centre_a);  // as a long write of centre A would
  auto refused = std::async(std::launch::async, [&] { return app.get("/api/v1/users", trainee).status; });
  bool prompt = refused.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
  holder.reset();  // lets a waiting request finish either way
  EXPECT_TRUE(prompt) << "a refusal waited for centre A's chain lock";
  EXPECT_EQ(refused.get(), 403);
}

}  // namespace cma::testing::audit_itest

namespace cma::testing::audit_itest {

// The check over HTTP: intact chains say so; an edited entry in centre A's chain is reported to
// the admin and to A's manager, never to B's manager (who sees B's chain only), and not at all to
// an adviser.
TEST(Audit, VerificationOverHttpIsScopedAndNamesTheFirstProblem) {
  TestApp app;
  rename_advisor_three_times(app);
  auto admin = app.login(app.admin);
  auto manager_a = app.login(app.manager_a);
  auto manager_b = app.login(app.manager_b);

  auto all = app.get("/api/v1/audit/verification", admin);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_TRUE(all.json.at("ok").as_bool());
  EXPECT_GE(all.json.at("chains").as_int64(), 2);
  EXPECT_GE(all.json.at("entries").as_int64(), 10);
  EXPECT_TRUE(all.json.at("problems").as_array().empty());
  EXPECT_FALSE(all.str("verifiedAt").empty());

  app.db().execute_raw("UPDATE audit_log SET changes = '{}' WHERE chain = '" + app.centre_a + "' AND seq = 3");

  for (const auto* token : {&admin, &manager_a}) {
    auto r = app.get("/api/v1/audit/verification", *token);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_FALSE(r.json.at("ok").as_bool());
    const auto& problems = r.json.at("problems").as_array();
    ASSERT_EQ(problems.size(), 1u) << r.body;
    EXPECT_EQ(problems[0].at("centreId").as_string(), app.centre_a);
    EXPECT_EQ(problems[0].at("seq").as_int64(), 3);
    EXPECT_NE(std::string(problems[0].at("reason").as_string()).find("edited"), std::string::npos);
  }
  auto own_b = app.get("/api/v1/audit/verification", manager_b);
  ASSERT_EQ(own_b.status, 200) << own_b.body;
  EXPECT_TRUE(own_b.json.at("ok").as_bool()) << own_b.body;
  EXPECT_EQ(own_b.json.at("chains").as_int64(), 1);
  auto only_b = app.get("/api/v1/audit/verification?centreId=" + app.centre_b, admin);
  EXPECT_TRUE(only_b.json.at("ok").as_bool()) << only_b.body;
  // A manager cannot reach another centre's chain, and an adviser none.
  auto foreign = app.get("/api/v1/audit/verification?centreId=" + app.centre_a, manager_b);
  EXPECT_EQ(foreign.status, 404) << foreign.body;
  EXPECT_EQ(foreign.header("content-type"), "application/problem+json");
  auto adviser = app.get("/api/v1/audit/verification", app.login(app.advisor_a));
  EXPECT_EQ(adviser.status, 403) << adviser.body;
}

}  // namespace cma::testing::audit_itest
