// Cases: opening with a per-centre reference, assignment, the status machine, lists, and that no
// centre reaches another's cases.
#include <gtest/gtest.h>

#include <future>
#include <set>

#include "support/test_app.hpp"

namespace cma::testing::cases_itest {
namespace json = boost::json;

namespace {
std::string numbered(const char* prefix, std::size_t n) {
  std::string s(prefix);
  s.append(std::to_string(n));
  return s;
}
std::string new_client(TestApp& app, const std::string& token, const std::string& last = "Client") {
  auto r = app.post("/api/v1/clients", json::object{{"firstName", "Case"}, {"lastName", last}}, token);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.str("id");
}
HttpResult open(TestApp& app, const std::string& token, const std::string& client, json::object extra = {}) {
  extra["clientId"] = client;
  return app.post("/api/v1/cases", extra, token);
}
std::size_t items(const HttpResult& r) {
  return r.obj().at("items").as_array().size();
}
}  // namespace

TEST(Cases, OpenWithReferenceAndDefaultAdviserThenReadWithFigures) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto client = new_client(app, t);
  auto c = open(app, t, client, json::object{{"priority", "high"}, {"summary", "Rent arrears, bailiffs"}});
  ASSERT_EQ(c.status, 201) << c.body;
  auto year = c.str("openedAt").substr(0, 4);
  EXPECT_EQ(c.str("reference"), "CTA-" + year + "-00001");
  EXPECT_EQ(c.str("adviserId"), app.advisor_a.id);
  EXPECT_EQ(c.str("status"), "open");
  EXPECT_EQ(c.str("clientName"), "Case Client");
  auto second = open(app, t, client);
  EXPECT_EQ(second.str("reference"), "CTA-" + year + "-00002");

  auto detail = app.get("/api/v1/cases/" + c.str("id"), t);
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(detail.obj().at("figures").at("totalDebt").as_int64(), 0);
  EXPECT_TRUE(detail.obj().at("figures").at("monthlySurplus").is_null());
  EXPECT_EQ(detail.obj().at("allowedTransitions").as_array().size(), 3u);
  // The client cannot be deleted while it has open cases.
  auto m = app.login(app.manager_a);
  EXPECT_EQ(app.call("DELETE", "/api/v1/clients/" + client, m).status, 409);
}

TEST(Cases, AnotherCentresClientOrAdviserIsRefusedAndNothingIsCreated) {
  TestApp app;
  auto ta = app.login(app.advisor_a);
  auto tb = app.login(app.advisor_b);
  auto client_b = new_client(app, tb);
  auto r = open(app, ta, client_b);
  EXPECT_EQ(r.status, 422) << r.body;
  auto client_a = new_client(app, ta);
  auto foreign_adviser = open(app, ta, client_a, json::object{{"adviserId", app.advisor_b.id}});
  EXPECT_EQ(foreign_adviser.status, 422) << foreign_adviser.body;
  EXPECT_EQ(open(app, ta, "not-a-uuid").status, 422);
  auto list = app.get("/api/v1/cases", ta);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(items(list), 0u);
  auto list_b = app.get("/api/v1/cases", tb);
  EXPECT_EQ(items(list_b), 0u);
  // A trainee may open a case but not pick its adviser.
  auto tt = app.login(app.trainee_a);
  EXPECT_EQ(open(app, tt, client_a, json::object{{"adviserId", app.advisor_a.id}}).status, 403);
  EXPECT_EQ(open(app, tt, client_a).status, 201);
}

TEST(Cases, AnotherCentresCaseIsNotFoundForReadAndWrite) {
  TestApp app;
  auto ta = app.login(app.advisor_a);
  auto tb = app.login(app.advisor_b);
  auto mb = app.login(app.manager_b);
  auto c = open(app, ta, new_client(app, ta));
  ASSERT_EQ(c.status, 201);
  auto id = c.str("id");
  EXPECT_EQ(app.get("/api/v1/cases/" + id, tb).status, 404);
  EXPECT_EQ(app.patch("/api/v1/cases/" + id, json::object{{"summary", "mine now"}}, tb).status, 404);
  EXPECT_EQ(app.post("/api/v1/cases/" + id + "/transitions", json::object{{"to", "in_progress"}}, mb).status, 404);
  EXPECT_EQ(items(app.get("/api/v1/cases?centreId=" + app.centre_a, tb)), 0u);
  auto unchanged = app.get("/api/v1/cases/" + id, ta);
  EXPECT_EQ(unchanged.str("status"), "open");
  EXPECT_EQ(unchanged.str("summary"), "");
}

TEST(Cases, StatusMachineWithPermissionsAndAudit) {
  TestApp app;
  auto ta = app.login(app.advisor_a);
  auto tt = app.login(app.trainee_a);
  auto tm = app.login(app.manager_a);
  auto c = open(app, ta, new_client(app, ta));
  auto id = c.str("id");
  auto path = "/api/v1/cases/" + id + "/transitions";
  EXPECT_EQ(app.post(path, json::object{{"to", "closed"}, {"outcome", "x"}, {"closureReason", "y"}}, ta).status, 409);
  ASSERT_EQ(app.post(path, json::object{{"to", "in_progress"}}, tt).status, 200);
  // A trainee cannot close a case, and the refusal changes nothing.
  EXPECT_EQ(app.post(path, json::object{{"to", "closed"}, {"outcome", "x"}, {"closureReason", "y"}}, tt).status, 403);
  EXPECT_EQ(app.get("/api/v1/cases/" + id, ta).str("status"), "in_progress");
  auto missing = app.post(path, json::object{{"to", "closed"}}, ta);
  ASSERT_EQ(missing.status, 422) << missing.body;
  // The compliance checklist is not complete: the adviser cannot close it, a manager may with a
  // reason (checklist completion itself: compliance_itest.cpp).
  auto incomplete = app.post(
      path, json::object{{"to", "closed"}, {"outcome", "dmp_set_up"}, {"closureReason", "Advice complete"}}, ta);
  ASSERT_EQ(incomplete.status, 409) << incomplete.body;
  EXPECT_NE(incomplete.body.find("compliance checklist"), std::string::npos);
  json::object with_override{{"to", "closed"},
                             {"outcome", "dmp_set_up"},
                             {"closureReason", "Advice complete"},
                             {"complianceOverrideReason", "Client moved abroad; file closed by agreement"}};
  EXPECT_EQ(app.post(path, with_override, ta).status, 403);
  EXPECT_EQ(app.get("/api/v1/cases/" + id, ta).str("status"), "in_progress");
  auto closed = app.post(path, with_override, tm);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.str("status"), "closed");
  EXPECT_FALSE(closed.obj().at("closedAt").is_null());
  EXPECT_EQ(app.patch("/api/v1/cases/" + id, json::object{{"summary", "late edit"}}, ta).status, 409);
  // Only a manager reopens, with a reason.
  EXPECT_EQ(app.post(path, json::object{{"to", "in_progress"}, {"reason", "new debt"}}, ta).status, 403);
  EXPECT_EQ(app.post(path, json::object{{"to", "in_progress"}}, tm).status, 422);
  auto reopened = app.post(path, json::object{{"to", "in_progress"}, {"reason", "New bailiff letter"}}, tm);
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_TRUE(reopened.obj().at("closedAt").is_null());
  auto trail = app.get("/api/v1/audit?entityId=" + id, tm);
  ASSERT_EQ(trail.status, 200);
  int transitions = 0;
  for (const auto& e : trail.obj().at("items").as_array()) {
    if (e.at("action").as_string() != "case.transition") continue;
    ++transitions;
    EXPECT_TRUE(e.at("changes").as_object().contains("status")) << json::serialize(e);
  }
  EXPECT_EQ(transitions, 3);
  EXPECT_NE(trail.body.find("New bailiff letter"), std::string::npos);
  EXPECT_NE(trail.body.find("Client moved abroad"), std::string::npos);
}

TEST(Cases, AssignOnlyWithinTheCentreAndNotByTrainees) {
  TestApp app;
  auto ta = app.login(app.advisor_a);
  auto tt = app.login(app.trainee_a);
  auto c = open(app, ta, new_client(app, ta));
  auto path = "/api/v1/cases/" + c.str("id");
  EXPECT_EQ(app.patch(path, json::object{{"adviserId", app.advisor_b.id}}, ta).status, 422);
  EXPECT_EQ(app.patch(path, json::object{{"adviserId", app.manager_a.id}}, tt).status, 403);
  auto moved = app.patch(path, json::object{{"adviserId", app.manager_a.id}}, ta);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.str("adviserId"), app.manager_a.id);
  auto mine = app.get("/api/v1/cases?adviserId=" + app.manager_a.id, ta);
  EXPECT_EQ(items(mine), 1u);
}

TEST(Cases, ListFiltersSortsAndPagesWithoutGapsOrRepeats) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < 7; ++i) {
    auto c = open(app, t, new_client(app, t, numbered("Person", i)),
                  json::object{{"priority", i % 2 ? "urgent" : "normal"}});
    ASSERT_EQ(c.status, 201);
    ids.insert(c.str("id"));
    app.clock().advance(std::chrono::seconds(1));
  }
  for (const char* sort : {"", "&sort=opened", "&sort=reference", "&sort=-opened"}) {
    std::vector<std::string> seen;
    std::string cursor;
    for (int pages = 0; pages < 10; ++pages) {
      std::string target = "/api/v1/cases?limit=2";
      target.append(sort);
      if (!cursor.empty()) target.append("&cursor=").append(cursor);
      auto page = app.get(target, t);
      ASSERT_EQ(page.status, 200) << page.body;
      for (const auto& c : page.obj().at("items").as_array()) seen.emplace_back(c.at("id").as_string());
      if (page.obj().at("nextCursor").is_null()) break;
      cursor = std::string(page.obj().at("nextCursor").as_string());
    }
    EXPECT_EQ(seen.size(), 7u) << sort;
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()), ids) << sort;
  }
  auto newest = app.get("/api/v1/cases?limit=1", t);
  auto oldest = app.get("/api/v1/cases?limit=1&sort=opened", t);
  EXPECT_GT(newest.obj().at("items").as_array()[0].at("openedAt").as_string(),
            oldest.obj().at("items").as_array()[0].at("openedAt").as_string());
  EXPECT_EQ(items(app.get("/api/v1/cases?priority=urgent", t)), 3u);
  EXPECT_EQ(items(app.get("/api/v1/cases?status=open&priority=normal", t)), 4u);
  EXPECT_EQ(items(app.get("/api/v1/cases?status=closed", t)), 0u);
  EXPECT_EQ(items(app.get("/api/v1/cases?q=person3", t)), 1u);
  EXPECT_EQ(items(app.get("/api/v1/cases?q=-00004", t)), 1u);
  EXPECT_EQ(items(app.get("/api/v1/cases?openedFrom=2000-01-01&openedTo=2999-12-31", t)), 7u);
  EXPECT_EQ(items(app.get("/api/v1/cases?openedTo=2000-01-01", t)), 0u);
}

TEST(Cases, MalformedFiltersAndPagingAreRefusedNeverA500) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto client = new_client(app, t);
  ASSERT_EQ(open(app, t, client).status, 201);
  ASSERT_EQ(open(app, t, client).status, 201);
  for (const char* q :
       {"limit=abc", "limit=100000", "limit=", "cursor=%FF", "cursor=djE6eA", "status=lost", "priority=meh",
        "adviserId=bob", "openedFrom=yesterday", "openedTo=2026-02-30", "sort=name", "sort=%00"}) {
    auto r = app.get(std::string("/api/v1/cases?") + q, t);
    EXPECT_TRUE(r.status == 400 || r.status == 422) << q << " -> " << r.status << " " << r.body;
  }
  // A cursor of one sort is not a cursor of another.
  auto by_ref = app.get("/api/v1/cases?limit=1&sort=reference", t);
  ASSERT_EQ(by_ref.status, 200);
  auto cursor = std::string(by_ref.obj().at("nextCursor").as_string());
  EXPECT_EQ(app.get("/api/v1/cases?cursor=" + cursor, t).status, 422);
  EXPECT_EQ(app.get("/api/v1/clients?cursor=" + cursor, t).status, 422);
  EXPECT_EQ(app.get("/api/v1/cases?sort=reference&cursor=" + cursor, t).status, 200);
}

TEST(Cases, ConcurrentOpeningsGetDistinctReferences) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto client = new_client(app, t);
  constexpr int kCalls = 24;
  std::vector<std::future<HttpResult>> calls;
  for (int i = 0; i < kCalls; ++i)
    calls.push_back(std::async(std::launch::async, [&] { return open(app, t, client); }));
  std::set<std::string> refs;
  for (auto& f : calls) {
    auto r = f.get();
    ASSERT_EQ(r.status, 201) << r.body;
    refs.insert(r.str("reference"));
  }
  EXPECT_EQ(refs.size(), static_cast<std::size_t>(kCalls));
  EXPECT_NE(refs.rbegin()->find("-00024"), std::string::npos) << *refs.rbegin();
}

}  // namespace cma::testing::cases_itest
