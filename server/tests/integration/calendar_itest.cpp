// Calendar feeds: an adviser's appointments at a secret URL, client names only when the centre
// allows, and a revoked or replaced URL answering 404.
#include <gtest/gtest.h>

#include "support/test_app.hpp"

namespace cma::testing::calendar_itest {
namespace json = boost::json;

namespace {
std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}
}  // namespace

TEST(CalendarFeed, IssuedFetchedWithoutSigningInAndRevoked) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  EXPECT_FALSE(app.get("/api/v1/me/calendar-feed", t).obj().at("active").as_bool());
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "Zebedee"}, {"lastName", "Quill"}}, t);
  // Appointments a few days from now (the feed covers the last 30 days and the next 400).
  auto now = std::chrono::duration_cast<std::chrono::seconds>(app.clock().now().time_since_epoch()).count();
  auto day = [&](int d) {
    auto t0 = now + d * 86400LL;
    std::time_t tt = t0;
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT10:00:00Z", &tm);
    return std::string(buf);
  };
  auto a1 = app.post(
      "/api/v1/appointments",
      json::object{{"clientId", client.str("id")}, {"start", day(2)}, {"location", "Home visit, 1 Elm Row"}}, t);
  ASSERT_EQ(a1.status, 201) << a1.body;
  auto a2 = app.post("/api/v1/appointments",
                     json::object{{"clientId", client.str("id")}, {"start", day(3)}, {"mode", "phone"}}, t);
  ASSERT_EQ(a2.status, 201) << a2.body;
  ASSERT_EQ(app.patch("/api/v1/appointments/" + a2.str("id"), json::object{{"status", "cancelled"}}, t).status, 200);
  // Another adviser's appointment is not in this feed.
  auto other = json::object{{"clientId", client.str("id")}, {"start", day(2)}, {"adviserId", app.manager_a.id}};
  ASSERT_EQ(app.post("/api/v1/appointments", other, t).status, 201);

  auto issued = app.post("/api/v1/me/calendar-feed", json::object{}, t);
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_EQ(issued.header("cache-control"), "no-store");
  auto path = issued.str("path");
  ASSERT_EQ(path.rfind("/ical/", 0), 0u);
  EXPECT_TRUE(app.get("/api/v1/me/calendar-feed", t).obj().at("active").as_bool());

  auto feed = app.call("GET", path);  // no bearer token
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_EQ(feed.header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_EQ(feed.body.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_EQ(count(feed.body, "BEGIN:VEVENT"), 2u);
  EXPECT_NE(feed.body.find("UID:" + a1.str("id") + "@cma"), std::string::npos);
  EXPECT_NE(feed.body.find("STATUS:CANCELLED"), std::string::npos);
  EXPECT_NE(feed.body.find("Debt advice appointment (by phone)"), std::string::npos);
  // No client names or locations unless the centre allows them.
  EXPECT_EQ(feed.body.find("Zebedee"), std::string::npos);
  EXPECT_EQ(feed.body.find("Elm Row"), std::string::npos);
  auto admin = app.login(app.admin);
  ASSERT_EQ(app.patch("/api/v1/centres/" + app.centre_a,
                      json::object{{"settings", json::object{{"calendarShowsClientNames", true}}}}, admin)
                .status,
            200);
  auto named = app.call("GET", path);
  ASSERT_EQ(named.status, 200);
  EXPECT_NE(named.body.find("SUMMARY:Debt advice: Zebedee Quill (in person)"), std::string::npos) << named.body;
  EXPECT_NE(named.body.find("LOCATION:Home visit\\, 1 Elm Row"), std::string::npos) << named.body;

  // A new URL replaces the old one; revoking ends it.
  auto again = app.post("/api/v1/me/calendar-feed", json::object{}, t);
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(app.call("GET", path).status, 404);
  EXPECT_EQ(app.call("GET", again.str("path")).status, 200);
  auto revoked = app.call("DELETE", "/api/v1/me/calendar-feed", t);
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_FALSE(revoked.obj().at("active").as_bool());
  EXPECT_EQ(app.call("GET", again.str("path")).status, 404);
  EXPECT_FALSE(app.get("/api/v1/me/calendar-feed", t).obj().at("active").as_bool());
  auto m = app.login(app.manager_a);
  auto audit = app.get("/api/v1/audit?entityType=user&entityId=" + app.advisor_a.id, m);
  EXPECT_EQ(count(audit.body, "calendar_feed.issue"), 2u);
  EXPECT_EQ(count(audit.body, "calendar_feed.revoke"), 1u);
}

TEST(CalendarFeed, MalformedOrUnknownTokensAreNotFound) {
  TestApp app;
  for (const char* p : {"/ical/", "/ical/x.ics", "/ical/abc", "/ical/%00.ics", "/ical/%ff%fe.ics",
                        "/ical/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics",
                        "/ical/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/ical/../api/v1/me.ics"}) {
    auto r = app.call("GET", p);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << p << " " << r.status << " " << r.body;
  }
  // A deactivated adviser's feed stops working.
  auto t = app.login(app.advisor_a);
  auto issued = app.post("/api/v1/me/calendar-feed", json::object{}, t);
  ASSERT_EQ(app.call("GET", issued.str("path")).status, 200);
  auto m = app.login(app.manager_a);
  ASSERT_EQ(app.post("/api/v1/users/" + app.advisor_a.id + "/deactivate", json::object{}, m).status, 200);
  EXPECT_EQ(app.call("GET", issued.str("path")).status, 404);
}

}  // namespace cma::testing::calendar_itest
