// Roles (docs/permissions.md) and tenancy: a centre never sees or changes another centre's data.
#include <gtest/gtest.h>

#include "support/test_app.hpp"

namespace cma::testing::access_itest {
namespace json = boost::json;

namespace {
json::object new_user(const std::string& email, const char* role, const std::string& centre = "") {
  json::object o{{"email", email},
                 {"firstName", "New"},
                 {"lastName", "Person"},
                 {"role", role},
                 {"password", "a long enough password"}};
  if (!centre.empty()) o["centreId"] = centre;
  return o;
}
}  // namespace

TEST(Roles, AdvisersAndTraineesCannotManageUsersCentresOrReadAudit) {
  TestApp app;
  for (const auto* who : {&app.advisor_a, &app.trainee_a}) {
    auto t = app.login(*who);
    EXPECT_EQ(app.get("/api/v1/users", t).status, 403);
    EXPECT_EQ(app.get("/api/v1/users/" + app.manager_a.id, t).status, 403);
    EXPECT_EQ(app.post("/api/v1/users", new_user("x@a.test", "trainee"), t).status, 403);
    EXPECT_EQ(app.patch("/api/v1/users/" + app.trainee_a.id, json::object{{"firstName", "X"}}, t).status, 403);
    EXPECT_EQ(app.post("/api/v1/users/" + app.trainee_a.id + "/deactivate", json::object{}, t).status, 403);
    EXPECT_EQ(app.get("/api/v1/audit", t).status, 403);
    EXPECT_EQ(app.post("/api/v1/centres", json::object{{"name", "N"}, {"code", "NEW"}}, t).status, 403);
    EXPECT_EQ(app.patch("/api/v1/centres/" + app.centre_a, json::object{{"name", "N"}}, t).status, 403);
    // …but may read themselves and their own centre.
    EXPECT_EQ(app.get("/api/v1/users/" + who->id, t).status, 200);
    EXPECT_EQ(app.get("/api/v1/centres/" + app.centre_a, t).status, 200);
    auto centres = app.get("/api/v1/centres", t);
    ASSERT_EQ(centres.status, 200);
    ASSERT_EQ(centres.obj().at("items").as_array().size(), 1u);
  }
}

TEST(Roles, ManagersManageTheirOwnCentreButNeverAdmins) {
  TestApp app;
  auto t = app.login(app.manager_a);
  auto created = app.post("/api/v1/users", new_user("New.Adviser@A.test", "advisor"), t);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.str("email"), "new.adviser@a.test");
  EXPECT_EQ(created.str("centreId"), app.centre_a);
  EXPECT_EQ(app.post("/api/v1/users", new_user("boss@a.test", "admin"), t).status, 403);
  EXPECT_EQ(app.patch("/api/v1/users/" + app.advisor_a.id, json::object{{"role", "admin"}}, t).status, 403);
  EXPECT_EQ(app.patch("/api/v1/users/" + app.admin.id, json::object{{"firstName", "Evil"}}, t).status, 403);
  EXPECT_EQ(app.post("/api/v1/users/" + app.admin.id + "/deactivate", json::object{}, t).status, 403);
  auto promoted = app.patch("/api/v1/users/" + app.trainee_a.id, json::object{{"role", "advisor"}}, t);
  ASSERT_EQ(promoted.status, 200) << promoted.body;
  EXPECT_EQ(promoted.str("role"), "advisor");
  EXPECT_EQ(app.post("/api/v1/users/" + app.manager_a.id + "/deactivate", json::object{}, t).status, 409);
  EXPECT_EQ(app.post("/api/v1/centres", json::object{{"name", "N"}, {"code", "NEW"}}, t).status, 403);
  EXPECT_EQ(app.post("/api/v1/users", new_user("advisor@b.test", "advisor"), t).status, 409);  // e-mail taken
}

TEST(Roles, AdminsWorkAcrossCentres) {
  TestApp app;
  auto t = app.login(app.admin);
  auto c = app.post(
      "/api/v1/centres",
      json::object{{"name", "Centre C"}, {"code", "CTC"}, {"settings", json::object{{"caseRefPrefix", "CTC"}}}}, t);
  ASSERT_EQ(c.status, 201) << c.body;
  EXPECT_EQ(app.post("/api/v1/centres", json::object{{"name", "Dup"}, {"code", "CTC"}}, t).status, 422);
  auto u = app.post("/api/v1/users", new_user("m@c.test", "manager", c.str("id")), t);
  ASSERT_EQ(u.status, 201) << u.body;
  EXPECT_EQ(app.get("/api/v1/users/" + app.advisor_b.id, t).status, 200);
  auto all = app.get("/api/v1/users?limit=100", t);
  EXPECT_EQ(all.obj().at("items").as_array().size(), 8u);
  auto only_b = app.get("/api/v1/users?centreId=" + app.centre_b, t);
  EXPECT_EQ(only_b.obj().at("items").as_array().size(), 3u);
  auto patched = app.patch("/api/v1/centres/" + app.centre_b, json::object{{"name", "Centre B renamed"}}, t);
  ASSERT_EQ(patched.status, 200);
  EXPECT_EQ(patched.str("name"), "Centre B renamed");
  EXPECT_EQ(app.post("/api/v1/centres/" + app.centre_a + "/deactivate", json::object{}, t).status, 409);
  auto off = app.post("/api/v1/centres/" + c.str("id") + "/deactivate", json::object{}, t);
  ASSERT_EQ(off.status, 200);
  EXPECT_EQ(off.str("status"), "inactive");
  // Users of a deactivated centre cannot sign in.
  EXPECT_EQ(app.login_result("m@c.test", "a long enough password").status, 401);
}

TEST(Roles, RefusedPermissionsAreRecorded) {
  TestApp app;
  auto trainee = app.login(app.trainee_a);
  EXPECT_EQ(app.get("/api/v1/users", trainee).status, 403);
  auto manager = app.login(app.manager_a);
  auto refusals = app.get("/api/v1/audit/refusals?userId=" + app.trainee_a.id, manager);
  ASSERT_EQ(refusals.status, 200) << refusals.body;
  bool found = false;
  for (const auto& e : refusals.obj().at("items").as_array())
    if (e.as_object().at("action").as_string() == "user.list") found = true;
  EXPECT_TRUE(found) << refusals.body;
}

TEST(Tenancy, ManagersCannotSeeOrChangeAnotherCentresUsers) {
  TestApp app;
  auto a = app.login(app.manager_a);
  EXPECT_EQ(app.get("/api/v1/users/" + app.advisor_b.id, a).status, 404);
  EXPECT_EQ(app.patch("/api/v1/users/" + app.advisor_b.id, json::object{{"firstName", "Hijacked"}}, a).status, 404);
  EXPECT_EQ(app.post("/api/v1/users/" + app.advisor_b.id + "/deactivate", json::object{}, a).status, 404);
  EXPECT_EQ(app.post("/api/v1/users", new_user("sneaky@b.test", "advisor", app.centre_b), a).status, 422);
  // The answer for another centre's id is the same as for an id that does not exist.
  auto missing = app.get("/api/v1/users/01900000-0000-7000-8000-000000000000", a);
  auto foreign = app.get("/api/v1/users/" + app.advisor_b.id, a);
  EXPECT_EQ(missing.status, foreign.status);
  EXPECT_EQ(missing.str("detail"), foreign.str("detail"));

  auto list = app.get("/api/v1/users?limit=100", a);
  ASSERT_EQ(list.status, 200);
  for (const auto& u : list.obj().at("items").as_array())
    EXPECT_EQ(u.as_object().at("centreId").as_string(), app.centre_a);
  EXPECT_EQ(list.obj().at("items").as_array().size(), 4u);
  auto filtered = app.get("/api/v1/users?centreId=" + app.centre_b, a);
  ASSERT_EQ(filtered.status, 200);
  EXPECT_TRUE(filtered.obj().at("items").as_array().empty());

  // Nothing changed in centre B.
  auto b = app.login(app.manager_b);
  auto still = app.get("/api/v1/users/" + app.advisor_b.id, b);
  ASSERT_EQ(still.status, 200);
  EXPECT_EQ(still.str("firstName"), "Test");
  EXPECT_EQ(still.str("status"), "active");
}

TEST(Tenancy, CentresAndAuditStayWithinTheCentre) {
  TestApp app;
  auto a = app.login(app.manager_a);
  auto b = app.login(app.advisor_b);
  EXPECT_EQ(app.get("/api/v1/centres/" + app.centre_b, a).status, 404);
  EXPECT_EQ(app.get("/api/v1/centres/" + app.centre_a, b).status, 404);
  // Make something happen in B, then look from A.
  auto mb = app.login(app.manager_b);
  ASSERT_EQ(app.patch("/api/v1/users/" + app.trainee_b.id, json::object{{"lastName", "Changed"}}, mb).status, 200);
  auto audit = app.get("/api/v1/audit?limit=100", a);
  ASSERT_EQ(audit.status, 200);
  ASSERT_FALSE(audit.obj().at("items").as_array().empty());
  for (const auto& e : audit.obj().at("items").as_array())
    EXPECT_EQ(e.as_object().at("centreId").as_string(), app.centre_a) << json::serialize(e);
  EXPECT_EQ(app.get("/api/v1/audit?centreId=" + app.centre_b, a).status, 404);
  EXPECT_EQ(app.get("/api/v1/audit?entityId=" + app.trainee_b.id, a).obj().at("items").as_array().size(), 0u);
  auto from_b = app.get("/api/v1/audit?entityId=" + app.trainee_b.id, mb);
  EXPECT_GE(from_b.obj().at("items").as_array().size(), 1u);
}

TEST(Pagination, CursorWalksEveryRowOnceAndBadValuesAreNamed) {
  TestApp app;
  auto t = app.login(app.admin);
  std::set<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto r = app.get("/api/v1/users?limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor), t);
    ASSERT_EQ(r.status, 200) << r.body;
    for (const auto& u : r.obj().at("items").as_array())
      EXPECT_TRUE(seen.insert(std::string(u.as_object().at("id").as_string())).second);
    auto& next = r.obj().at("nextCursor");
    cursor = next.is_null() ? "" : std::string(next.as_string());
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_EQ(pages, 3);
  for (const char* bad : {"limit=abc", "limit=0", "limit=101", "limit=-1", "cursor=!!!", "cursor=abc", "limit=1e3"}) {
    auto r = app.get(std::string("/api/v1/users?") + bad, t);
    EXPECT_EQ(r.status, 422) << bad << " " << r.body;
  }
}

}  // namespace cma::testing::access_itest

namespace cma::testing::access_itest {

TEST(Roles, DeactivatingACentreEndsItsUsersSessionsAtOnce) {
  TestApp app;
  auto session = app.login_result(app.advisor_b.email, app.advisor_b.password);
  auto token = session.str("accessToken");
  ASSERT_EQ(app.get("/api/v1/me", token).status, 200);
  auto admin = app.login(app.admin);
  auto off = app.post("/api/v1/centres/" + app.centre_b + "/deactivate", boost::json::object{}, admin);
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(app.get("/api/v1/me", token).status, 401);
  EXPECT_EQ(app.refresh(session.refresh_cookie()).status, 401);
  auto own = app.post("/api/v1/centres/" + app.centre_a + "/deactivate", boost::json::object{}, admin);
  EXPECT_EQ(own.status, 409);
  EXPECT_EQ(own.str("type"), "/problems/failed-precondition");
}

}  // namespace cma::testing::access_itest
