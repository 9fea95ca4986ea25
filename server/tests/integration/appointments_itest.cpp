// Appointments and the diary: London time in and out across both clock changes, no double booking
// (also under concurrent requests), diary views by adviser and by centre, and no reach into
// another centre.
#include <gtest/gtest.h>

#include <future>

#include "support/test_app.hpp"

namespace cma::testing::appointments_itest {
namespace json = boost::json;

namespace {
std::string new_client(TestApp& app, const std::string& token) {
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "Diary"}, {"lastName", "Client"}}, token);
  EXPECT_EQ(client.status, 201) << client.body;
  return client.str("id");
}
json::object booking(const std::string& client, const std::string& start, int minutes = 60) {
  return json::object{{"clientId", client}, {"start", start}, {"durationMinutes", minutes}};
}
const json::array& items(const HttpResult& r) {
  return r.obj().at("items").as_array();
}
std::string text(const json::value& v, const char* key) {
  return std::string(v.at(key).as_string());
}
}  // namespace

TEST(Appointments, EnteredAndShownInLondonTimeAcrossBothClockChanges) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto client = new_client(app, t);
  // The Saturday before the spring change is GMT, the Sunday of it BST.
  auto sat = app.post("/api/v1/appointments", booking(client, "2026-03-28T10:00"), t);
  ASSERT_EQ(sat.status, 201) << sat.body;
  EXPECT_EQ(sat.str("start"), "2026-03-28T10:00:00.000000Z");
  EXPECT_EQ(sat.str("startLocal"), "2026-03-28T10:00:00+00:00");
  auto sun = app.post("/api/v1/appointments", booking(client, "2026-03-29T10:00"), t);
  ASSERT_EQ(sun.status, 201) << sun.body;
  EXPECT_EQ(sun.str("start"), "2026-03-29T09:00:00.000000Z");
  EXPECT_EQ(sun.str("startLocal"), "2026-03-29T10:00:00+01:00");
  EXPECT_EQ(sun.str("endLocal"), "2026-03-29T11:00:00+01:00");
  EXPECT_EQ(sun.str("adviserId"), app.advisor_a.id);
  // Autumn: the Saturday is BST, the Sunday of the change GMT.
  auto oct_sat = app.post("/api/v1/appointments", booking(client, "2026-10-24T10:00"), t);
  EXPECT_EQ(oct_sat.str("start"), "2026-10-24T09:00:00.000000Z");
  auto oct_sun = app.post("/api/v1/appointments", booking(client, "2026-10-25T10:00"), t);
  EXPECT_EQ(oct_sun.str("start"), "2026-10-25T10:00:00.000000Z");
  EXPECT_EQ(oct_sun.str("startLocal"), "2026-10-25T10:00:00+00:00");
  // An instant with its own offset is taken as given.
  auto zoned = app.post("/api/v1/appointments", booking(client, "2026-07-01T14:00:00Z", 30), t);
  EXPECT_EQ(zoned.str("startLocal"), "2026-07-01T15:00:00+01:00");
  // A London time that never happens is refused with the reason.
  auto gap = app.post("/api/v1/appointments", booking(client, "2026-03-29T01:30"), t);
  ASSERT_EQ(gap.status, 422) << gap.body;
  EXPECT_NE(gap.body.find("clocks go forward"), std::string::npos);

  // The week of the spring change (Monday 23 to Sunday 29 March) holds both March appointments; the
  // day view of the 29th only the Sunday one.
  auto week = app.get("/api/v1/diary?view=week&date=2026-03-25&adviserId=" + app.advisor_a.id, t);
  ASSERT_EQ(week.status, 200) << week.body;
  ASSERT_EQ(items(week).size(), 2u);
  EXPECT_EQ(text(items(week)[0], "id"), sat.str("id"));
  auto day = app.get("/api/v1/diary?view=day&date=2026-03-29", t);
  ASSERT_EQ(items(day).size(), 1u);
  EXPECT_EQ(text(items(day)[0], "id"), sun.str("id"));
  auto autumn_day = app.get("/api/v1/diary?view=day&date=2026-10-25", t);
  ASSERT_EQ(items(autumn_day).size(), 1u);
  EXPECT_EQ(text(items(autumn_day)[0], "id"), oct_sun.str("id"));
  // 23:30 London on 30 June in summer is 22:30 UTC, on the London day of the 30th.
  auto late = app.post("/api/v1/appointments", booking(client, "2026-06-30T23:30", 15), t);
  ASSERT_EQ(late.status, 201) << late.body;
  EXPECT_EQ(items(app.get("/api/v1/diary?view=day&date=2026-06-30", t)).size(), 1u);
  EXPECT_EQ(items(app.get("/api/v1/diary?view=day&date=2026-07-01", t)).size(), 1u);  // the 14:00Z one
}

TEST(Appointments, AnAdviserIsNeverDoubleBooked) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto client = new_client(app, t);
  auto first = app.post("/api/v1/appointments", booking(client, "2026-12-07T10:00", 60), t);
  ASSERT_EQ(first.status, 201) << first.body;
  auto clash = app.post("/api/v1/appointments", booking(client, "2026-12-07T10:30", 60), t);
  ASSERT_EQ(clash.status, 409) << clash.body;
  EXPECT_NE(clash.body.find(first.str("id")), std::string::npos) << clash.body;
  EXPECT_NE(clash.body.find("2026-12-07T10:00:00+00:00"), std::string::npos) << clash.body;
  EXPECT_EQ(app.post("/api/v1/appointments", booking(client, "2026-12-07T09:30", 31), t).status, 409);
  EXPECT_EQ(app.post("/api/v1/appointments", booking(client, "2026-12-07T09:00", 240), t).status, 409);
  // Back to back is fine at both ends.
  auto before = app.post("/api/v1/appointments", booking(client, "2026-12-07T09:00", 60), t);
  EXPECT_EQ(before.status, 201) << before.body;
  auto after = app.post("/api/v1/appointments", booking(client, "2026-12-07T11:00", 30), t);
  EXPECT_EQ(after.status, 201) << after.body;
  // Another adviser is free then.
  auto other = booking(client, "2026-12-07T10:00");
  other["adviserId"] = app.manager_a.id;
  EXPECT_EQ(app.post("/api/v1/appointments", other, t).status, 201);
  // Moving into a clash is refused and changes nothing; cancelling frees the time.
  auto path = "/api/v1/appointments/" + after.str("id");
  EXPECT_EQ(app.patch(path, json::object{{"start", "2026-12-07T10:45"}}, t).status, 409);
  EXPECT_EQ(app.get(path, t).str("startLocal"), "2026-12-07T11:00:00+00:00");
  ASSERT_EQ(app.patch("/api/v1/appointments/" + first.str("id"), json::object{{"status", "cancelled"}}, t).status, 200);
  auto moved = app.patch(path, json::object{{"start", "2026-12-07T10:00"}}, t);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.str("endLocal"), "2026-12-07T10:30:00+00:00");
  // Scheduling the cancelled one again needs its time to be free: it is not.
  EXPECT_EQ(app.patch("/api/v1/appointments/" + first.str("id"), json::object{{"status", "scheduled"}}, t).status, 409);
  // Outcome and follow-up.
  auto done = app.patch(
      path, json::object{{"status", "completed"}, {"outcome", "Budget done"}, {"followUpDate", "2027-01-04"}}, t);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.str("followUpDate"), "2027-01-04");
  auto m = app.login(app.manager_a);
  auto audit = app.get("/api/v1/audit?entityType=appointment&entityId=" + after.str("id"), m);
  std::vector<std::string> actions;
  for (const auto& e : items(audit)) actions.push_back(text(e, "action"));
  EXPECT_EQ(actions, (std::vector<std::string>{"appointment.completed", "appointment.move", "appointment.create"}));
}

TEST(Appointments, TheLongestAppointmentStillClashesAtItsEnd) {
  // The clash search looks back only as far as the longest appointment (480 minutes): one that long
  // still clashes in its last minute, and one starting as it ends is free.
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto client = new_client(app, t);
  auto day = app.post("/api/v1/appointments", booking(client, "2027-02-01T09:00", 480), t);
  ASSERT_EQ(day.status, 201) << day.body;
  auto last_minute = app.post("/api/v1/appointments", booking(client, "2027-02-01T16:59", 30), t);
  ASSERT_EQ(last_minute.status, 409) << last_minute.body;
  EXPECT_NE(last_minute.body.find(day.str("id")), std::string::npos) << last_minute.body;
  EXPECT_EQ(app.post("/api/v1/appointments", booking(client, "2027-02-01T17:00", 30), t).status, 201);
  // With many earlier appointments in the diary, the answer is the same.
  for (int d = 1; d <= 20; ++d) {
    auto date = "2027-01-" + std::string(d < 10 ? "0" : "") + std::to_string(d) + "T09:00";
    ASSERT_EQ(app.post("/api/v1/appointments", booking(client, date, 480), t).status, 201);
  }
  EXPECT_EQ(app.post("/api/v1/appointments", booking(client, "2027-02-01T12:00", 30), t).status, 409);
  EXPECT_EQ(app.post("/api/v1/appointments", booking(client, "2027-01-20T16:59", 5), t).status, 409);
  EXPECT_EQ(app.post("/api/v1/appointments", booking(client, "2027-01-20T17:00", 5), t).status, 201);
}

TEST(Appointments, ConcurrentOverlappingBookingsLeaveExactlyOne) {
  TestApp app(TestAppOptions{.workers = 16});
  auto t = app.login(app.advisor_a);
  auto client = new_client(app, t);
  // Several rounds, each on its own day: every booking of a round overlaps every other (starts
  // 10:00..10:15, each an hour long), and they are sent at once.
  constexpr int kRounds = 6, kCalls = 16;
  for (int round = 0; round < kRounds; ++round) {
    auto day = "2026-12-1" + std::to_string(round);
    std::vector<std::future<HttpResult>> calls;
    for (int i = 0; i < kCalls; ++i)
      calls.push_back(std::async(std::launch::async, [&, i] {
        return app.post("/api/v1/appointments",
                        booking(client, day + "T10:" + std::string(i < 10 ? "0" : "") + std::to_string(i)), t);
      }));
    int booked = 0, refused = 0;
    for (auto& f : calls) {
      auto r = f.get();
      if (r.status == 201)
        ++booked;
      else if (r.status == 409)
        ++refused;
      else
        ADD_FAILURE() << r.status << " " << r.body;
    }
    EXPECT_EQ(booked, 1) << day;
    EXPECT_EQ(refused, kCalls - 1) << day;
    EXPECT_EQ(items(app.get("/api/v1/diary?view=day&date=" + day, t)).size(), 1u) << day;
  }
}

TEST(Appointments, BadInputIsRefusedAndChangesNothing) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto client = new_client(app, t);
  std::vector<json::object> bad = {booking(client, "tomorrow"),
                                   booking(client, "2026-12-07T25:00"),
                                   booking(client, "2026-12-07T10:00", 3),
                                   booking(client, "2026-12-07T10:00", 481),
                                   json::object{{"start", "2026-12-07T10:00"}},
                                   booking("not-a-client", "2026-12-07T10:00")};
  auto with = [&](const char* key, json::value v) {
    auto b = booking(client, "2026-12-07T10:00");
    b[key] = v;
    return b;
  };
  bad.push_back(with("mode", "carrier pigeon"));
  bad.push_back(with("status", "completed"));
  bad.push_back(with("followUpDate", "soon"));
  bad.push_back(with("caseId", "nope"));
  bad.push_back(with("adviserId", "nobody"));
  bad.push_back(with("colour", "red"));
  bad.push_back(with("durationMinutes", "60"));
  for (const auto& b : bad) {
    auto r = app.post("/api/v1/appointments", b, t);
    EXPECT_EQ(r.status, 422) << json::serialize(b) << " " << r.body;
  }
  EXPECT_EQ(items(app.get("/api/v1/appointments", t)).size(), 0u);
  for (const char* q :
       {"/api/v1/appointments?limit=abc", "/api/v1/appointments?cursor=forged", "/api/v1/appointments?from=yesterday",
        "/api/v1/appointments?status=maybe", "/api/v1/appointments?clientId=x", "/api/v1/diary?view=month",
        "/api/v1/diary?date=2026-02-30", "/api/v1/diary?adviserId=x", "/api/v1/diary?limit=100000"}) {
    auto r = app.get(q, t);
    EXPECT_TRUE(r.status == 400 || r.status == 422) << q << " " << r.status << " " << r.body;
  }
  // A case of another client of the same centre is not this client's case.
  auto other_client = new_client(app, t);
  auto other_case = app.post("/api/v1/cases", json::object{{"clientId", other_client}}, t);
  auto b = booking(client, "2026-12-07T10:00");
  b["caseId"] = other_case.str("id");
  EXPECT_EQ(app.post("/api/v1/appointments", b, t).status, 422);
}

TEST(Appointments, NoReachIntoAnotherCentre) {
  TestApp app;
  auto a = app.login(app.advisor_a);
  auto b = app.login(app.advisor_b);
  auto client_a = new_client(app, a);
  auto client_b = new_client(app, b);
  // Another centre's client, or an adviser of another centre: refused, nothing created.
  EXPECT_EQ(app.post("/api/v1/appointments", booking(client_a, "2026-12-09T10:00"), b).status, 422);
  auto foreign_adviser = booking(client_a, "2026-12-09T10:00");
  foreign_adviser["adviserId"] = app.advisor_b.id;
  EXPECT_EQ(app.post("/api/v1/appointments", foreign_adviser, a).status, 422);
  EXPECT_EQ(items(app.get("/api/v1/appointments", a)).size(), 0u);
  EXPECT_EQ(items(app.get("/api/v1/appointments", b)).size(), 0u);

  auto mine = app.post("/api/v1/appointments", booking(client_a, "2026-12-09T10:00"), a);
  ASSERT_EQ(mine.status, 201) << mine.body;
  auto path = "/api/v1/appointments/" + mine.str("id");
  EXPECT_EQ(app.get(path, b).status, 404);
  EXPECT_EQ(app.patch(path, json::object{{"status", "cancelled"}}, b).status, 404);
  EXPECT_EQ(app.get("/api/v1/diary?date=2026-12-09&centreId=" + app.centre_a, b).status, 422);
  EXPECT_EQ(items(app.get("/api/v1/diary?date=2026-12-09", b)).size(), 0u);
  EXPECT_EQ(items(app.get("/api/v1/appointments?clientId=" + client_a, b)).size(), 0u);
  EXPECT_EQ(app.get(path, a).str("status"), "scheduled");
  // B's adviser at the same hour is free: diaries are per adviser.
  EXPECT_EQ(app.post("/api/v1/appointments", booking(client_b, "2026-12-09T10:00"), b).status, 201);
  // An admin books for a centre's client with that centre's adviser, and sees the centre's diary.
  auto admin = app.login(app.admin);
  auto by_admin = booking(client_b, "2026-12-09T12:00");
  EXPECT_EQ(app.post("/api/v1/appointments", by_admin, admin).status, 422);  // no adviser of B named
  by_admin["adviserId"] = app.advisor_b.id;
  EXPECT_EQ(app.post("/api/v1/appointments", by_admin, admin).status, 201);
  EXPECT_EQ(app.get("/api/v1/diary?date=2026-12-09", admin).status, 422);
  EXPECT_EQ(items(app.get("/api/v1/diary?date=2026-12-09&centreId=" + app.centre_b, admin)).size(), 2u);
}

}  // namespace cma::testing::appointments_itest
