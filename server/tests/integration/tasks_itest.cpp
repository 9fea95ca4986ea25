// Tasks: per case or per centre, assignees of the same centre only, "my tasks" by the London
// calendar, audited completion and reassignment, and no reach into another centre.
#include <gtest/gtest.h>

#include "domain/diary/london_time.hpp"
#include "support/test_app.hpp"

namespace cma::testing::tasks_itest {
namespace json = boost::json;

namespace {
std::string open_case(TestApp& app, const std::string& token) {
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "Task"}, {"lastName", "Owner"}}, token);
  EXPECT_EQ(client.status, 201) << client.body;
  auto c = app.post("/api/v1/cases", json::object{{"clientId", client.str("id")}}, token);
  EXPECT_EQ(c.status, 201) << c.body;
  return c.str("id");
}
const json::array& items(const HttpResult& r) {
  return r.obj().at("items").as_array();
}
std::string text(const json::value& v, const char* key) {
  return std::string(v.at(key).as_string());
}
// A London date `days` from the test clock's today.
std::string london_day(TestApp& app, int days) {
  auto now = std::chrono::duration_cast<std::chrono::seconds>(app.clock().now().time_since_epoch()).count();
  return domain::format_date(domain::add_days(domain::london_date(now), days));
}
json::object task(const std::string& title, const std::string& due) {
  return json::object{{"title", title}, {"dueDate", due}};
}
}  // namespace

TEST(Tasks, MyTasksOverdueFirstThenTodayThenUpcoming) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  auto later = task("Send the budget to the client", london_day(app, 3));
  later["caseId"] = case_id;
  ASSERT_EQ(app.post("/api/v1/tasks", later, t).status, 201);
  auto today = app.post("/api/v1/tasks", task("Call the council", london_day(app, 0)), t);
  ASSERT_EQ(today.status, 201) << today.body;
  EXPECT_EQ(today.str("assigneeId"), app.advisor_a.id);
  EXPECT_TRUE(today.obj().at("caseId").is_null());
  ASSERT_EQ(app.post("/api/v1/tasks", task("Chase the payslips", london_day(app, -2)), t).status, 201);
  auto done = app.post("/api/v1/tasks", task("Already done", london_day(app, -5)), t);
  ASSERT_EQ(app.patch("/api/v1/tasks/" + done.str("id"), json::object{{"status", "done"}}, t).status, 200);
  // Someone else's task is not in my list.
  auto m = app.login(app.manager_a);
  ASSERT_EQ(app.post("/api/v1/tasks", task("Manager's own", london_day(app, -9)), m).status, 201);

  auto mine = app.get("/api/v1/me/tasks", t);
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(items(mine).size(), 3u) << mine.body;
  EXPECT_EQ(text(items(mine)[0], "title"), "Chase the payslips");
  EXPECT_EQ(text(items(mine)[0], "bucket"), "overdue");
  EXPECT_EQ(text(items(mine)[1], "bucket"), "today");
  EXPECT_EQ(text(items(mine)[2], "bucket"), "upcoming");
  EXPECT_EQ(text(items(mine)[2], "caseId"), case_id);
  // Paging gives the same order.
  auto p1 = app.get("/api/v1/me/tasks?limit=2", t);
  ASSERT_EQ(items(p1).size(), 2u);
  auto p2 = app.get("/api/v1/me/tasks?limit=2&cursor=" + text(p1.obj(), "nextCursor"), t);
  ASSERT_EQ(p2.status, 200) << p2.body;
  ASSERT_EQ(items(p2).size(), 1u);
  EXPECT_EQ(text(items(p2)[0], "bucket"), "upcoming");

  // The case's tasks, and the centre's open ones.
  auto of_case = app.get("/api/v1/tasks?caseId=" + case_id, t);
  ASSERT_EQ(of_case.status, 200) << of_case.body;
  EXPECT_EQ(items(of_case).size(), 1u);
  EXPECT_EQ(items(app.get("/api/v1/tasks?status=open", m)).size(), 4u);
  EXPECT_EQ(items(app.get("/api/v1/tasks?status=done", m)).size(), 1u);
  EXPECT_EQ(items(app.get("/api/v1/tasks?assigneeId=" + app.manager_a.id, m)).size(), 1u);
}

TEST(Tasks, CompletingAndReassigningAreAudited) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto m = app.login(app.manager_a);
  auto created = app.post("/api/v1/tasks", task("Ring the creditor", london_day(app, 1)), t);
  ASSERT_EQ(created.status, 201) << created.body;
  auto path = "/api/v1/tasks/" + created.str("id");
  auto moved = app.patch(path, json::object{{"assigneeId", app.trainee_a.id}}, t);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.str("assigneeId"), app.trainee_a.id);
  auto tr = app.login(app.trainee_a);
  auto done = app.patch(path, json::object{{"status", "done"}}, tr);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.str("completedBy"), app.trainee_a.id);
  EXPECT_FALSE(done.obj().at("completedAt").is_null());
  auto reopened = app.patch(path, json::object{{"status", "open"}}, t);
  EXPECT_TRUE(reopened.obj().at("completedAt").is_null());
  auto audit = app.get("/api/v1/audit?entityType=task&entityId=" + created.str("id"), m);
  ASSERT_EQ(audit.status, 200);
  std::vector<std::string> actions;
  for (const auto& e : items(audit)) actions.push_back(text(e, "action"));
  EXPECT_EQ(actions, (std::vector<std::string>{"task.reopen", "task.complete", "task.reassign", "task.create"}));
}

TEST(Tasks, BadInputIsRefusedAndChangesNothing) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto due = london_day(app, 1);
  for (const auto& bad : {json::object{{"dueDate", due}}, json::object{{"title", "x"}},
                          json::object{{"title", "x"}, {"dueDate", "2026-02-30"}},
                          json::object{{"title", "x"}, {"dueDate", due}, {"priority", "whenever"}},
                          json::object{{"title", "x"}, {"dueDate", due}, {"status", "done"}},
                          json::object{{"title", "x"}, {"dueDate", due}, {"assigneeId", "nobody"}},
                          json::object{{"title", "x"}, {"dueDate", due}, {"caseId", "nope"}},
                          json::object{{"title", "   "}, {"dueDate", due}},
                          json::object{{"title", "x"}, {"dueDate", due}, {"colour", "red"}}}) {
    auto r = app.post("/api/v1/tasks", bad, t);
    EXPECT_EQ(r.status, 422) << json::serialize(bad) << " " << r.body;
  }
  for (const char* q :
       {"?limit=abc", "?limit=100000", "?cursor=forged", "?status=later", "?assigneeId=x", "?caseId=not-a-case"}) {
    auto r = app.get(std::string("/api/v1/tasks") + q, t);
    EXPECT_TRUE(r.status == 400 || r.status == 404 || r.status == 422) << q << " " << r.status;
  }
  EXPECT_EQ(app.get("/api/v1/me/tasks?cursor=forged", t).status, 422);
  EXPECT_EQ(items(app.get("/api/v1/tasks", t)).size(), 0u);
  auto created = app.post("/api/v1/tasks", task("x", due), t);
  auto path = "/api/v1/tasks/" + created.str("id");
  EXPECT_EQ(app.patch(path, json::object{{"caseId", open_case(app, t)}}, t).status, 422);
  EXPECT_EQ(app.patch(path, json::object{{"status", "finished"}}, t).status, 422);
  EXPECT_EQ(app.get(path, t).str("status"), "open");
  // Admins name the centre whose tasks they list.
  auto admin = app.login(app.admin);
  EXPECT_EQ(app.get("/api/v1/tasks", admin).status, 422);
  EXPECT_EQ(items(app.get("/api/v1/tasks?centreId=" + app.centre_a, admin)).size(), 1u);
}

TEST(Tasks, NoReachIntoAnotherCentre) {
  TestApp app;
  auto a = app.login(app.advisor_a);
  auto b = app.login(app.advisor_b);
  auto case_a = open_case(app, a);
  auto due = london_day(app, 1);
  // Another centre's user as assignee, or another centre's case: refused, nothing created.
  auto foreign_assignee = task("x", due);
  foreign_assignee["assigneeId"] = app.advisor_b.id;
  EXPECT_EQ(app.post("/api/v1/tasks", foreign_assignee, a).status, 422);
  auto foreign_case = task("x", due);
  foreign_case["caseId"] = case_a;
  EXPECT_EQ(app.post("/api/v1/tasks", foreign_case, b).status, 422);
  auto foreign_centre = task("x", due);
  foreign_centre["centreId"] = app.centre_a;
  EXPECT_EQ(app.post("/api/v1/tasks", foreign_centre, b).status, 422);
  EXPECT_EQ(items(app.get("/api/v1/tasks", b)).size(), 0u);
  EXPECT_EQ(items(app.get("/api/v1/tasks", a)).size(), 0u);

  auto mine = app.post("/api/v1/tasks", foreign_case, a);
  ASSERT_EQ(mine.status, 201) << mine.body;
  auto path = "/api/v1/tasks/" + mine.str("id");
  EXPECT_EQ(app.get(path, b).status, 404);
  EXPECT_EQ(app.patch(path, json::object{{"status", "done"}}, b).status, 404);
  EXPECT_EQ(app.patch(path, json::object{{"assigneeId", app.advisor_b.id}}, a).status, 422);
  EXPECT_EQ(app.get("/api/v1/tasks?caseId=" + case_a, b).status, 404);
  EXPECT_EQ(app.get("/api/v1/tasks?centreId=" + app.centre_a, b).status, 422);
  EXPECT_EQ(app.get(path, a).str("status"), "open");
  EXPECT_EQ(app.get(path, a).str("assigneeId"), app.advisor_a.id);
  // An admin may give a centre's task to that centre's staff, and must name them.
  auto admin = app.login(app.admin);
  auto for_b = task("Admin's request", due);
  for_b["centreId"] = app.centre_b;
  EXPECT_EQ(app.post("/api/v1/tasks", for_b, admin).status, 422);
  for_b["assigneeId"] = app.advisor_b.id;
  EXPECT_EQ(app.post("/api/v1/tasks", for_b, admin).status, 201);
  EXPECT_EQ(items(app.get("/api/v1/me/tasks", b)).size(), 1u);
}

}  // namespace cma::testing::tasks_itest
