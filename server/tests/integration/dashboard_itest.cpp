// The dashboard: figures from counters kept in each change's transaction, equal to a full recount
// after a mixed run of changes; per adviser, per centre and for the network; CSV with cells that
// cannot become formulas; no figures of another centre.
#include <gtest/gtest.h>

#include <random>

#include "app/dashboard/cache.hpp"
#include "app/dashboard/dashboard.hpp"
#include "main/wiring.hpp"
#include "support/test_app.hpp"

namespace cma::testing::dashboard_itest {
namespace json = boost::json;

namespace {
std::string open_case(TestApp& app, const std::string& token, const std::string& adviser = "") {
  auto c = app.post("/api/v1/clients", json::object{{"firstName", "Dash"}, {"lastName", "Board"}}, token);
  EXPECT_EQ(c.status, 201) << c.body;
  json::object body{{"clientId", c.str("id")}};
  if (!adviser.empty()) body["adviserId"] = adviser;
  auto k = app.post("/api/v1/cases", body, token);
  EXPECT_EQ(k.status, 201) << k.body;
  return k.str("id");
}
long long figure(const HttpResult& r, const char* name) {
  return r.obj().at("figures").at(name).as_int64();
}
long long by_status(const HttpResult& r, const char* status) {
  return r.obj().at("figures").at("casesByStatus").at(status).as_int64();
}
// The figures served through the API's cache equal those read afresh, for the centre and an adviser.
void expect_cache_fresh(TestApp& app, const std::string& adviser) {
  platform::UuidV7Generator ids(app.clock());
  app::Deps cached{app.db(), app.clock(), ids, app.reference(), &app.dashboard_cache()};
  app::Deps fresh{app.db(), app.clock(), ids, app.reference()};
  auto actor = main::system_actor("test");
  for (const std::string& who : {std::string(), adviser}) {
    auto a = app::get_dashboard(cached, actor, app.centre_a, who);
    auto b = app::get_dashboard(fresh, actor, app.centre_a, who);
    ASSERT_TRUE(a && b);
    const auto &x = a->figures, &y = b->figures;
    EXPECT_EQ(x.cases_by_status, y.cases_by_status) << who;
    EXPECT_EQ(x.opened_per_month, y.opened_per_month) << who;
    EXPECT_EQ(x.closed_per_month, y.closed_per_month) << who;
    EXPECT_EQ(x.median_days_to_close, y.median_days_to_close) << who;
    EXPECT_EQ(x.debt_under_advice, y.debt_under_advice) << who;
    EXPECT_EQ(x.priority_arrears, y.priority_arrears) << who;
    EXPECT_EQ(x.written_off, y.written_off) << who;
    EXPECT_EQ(x.repaid, y.repaid) << who;
    EXPECT_EQ(x.closed_cases, y.closed_cases) << who;
    EXPECT_EQ(x.closed_compliant, y.closed_compliant) << who;
    EXPECT_EQ(a->overdue_tasks, b->overdue_tasks) << who;
    EXPECT_EQ(a->appointments_today, b->appointments_today) << who;
  }
}
void expect_consistent(TestApp& app, const std::string& admin, const std::string& centre) {
  auto check = app.get("/api/v1/centres/" + centre + "/dashboard-check", admin);
  ASSERT_EQ(check.status, 200) << check.body;
  EXPECT_TRUE(check.obj().at("consistent").as_bool()) << check.body;
}
}  // namespace

TEST(Dashboard, FiguresFollowEveryChangeAndEqualARecount) {
  TestApp app;
  auto a = app.login(app.advisor_a);
  auto m = app.login(app.manager_a);
  auto admin = app.login(app.admin);
  auto c1 = open_case(app, a);
  auto c2 = open_case(app, a);
  auto c3 = open_case(app, m, app.manager_a.id);
  auto debt = [&](const std::string& c, const char* type, long long balance, long long arrears) {
    auto r =
        app.post("/api/v1/cases/" + c + "/debts",
                 json::object{{"creditor", "X"}, {"debtType", type}, {"balance", balance}, {"arrears", arrears}}, a);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.str("id");
  };
  debt(c1, "rent_arrears", 120000, 120000);
  auto card = debt(c1, "credit_card", 500000, 0);
  debt(c2, "council_tax_arrears", 80000, 30000);
  auto loan = debt(c3, "personal_loan", 200000, 0);
  auto d = app.get("/api/v1/dashboard", m);
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_EQ(by_status(d, "open"), 3);
  EXPECT_EQ(figure(d, "debtUnderAdvice"), 900000);
  EXPECT_EQ(figure(d, "priorityArrears"), 150000);
  EXPECT_TRUE(d.obj().at("figures").at("medianDaysToClose").is_null());
  // One adviser's view.
  auto mine = app.get("/api/v1/dashboard?adviserId=" + app.advisor_a.id, a);
  EXPECT_EQ(by_status(mine, "open"), 2);
  EXPECT_EQ(figure(mine, "debtUnderAdvice"), 700000);

  // Write a debt off, pay one, reassign a case, close one by override ten days later.
  ASSERT_EQ(app.patch("/api/v1/cases/" + c1 + "/debts/" + card, json::object{{"status", "written_off"}}, a).status,
            200);
  ASSERT_EQ(app.patch("/api/v1/cases/" + c3 + "/debts/" + loan, json::object{{"status", "paid"}}, a).status, 200);
  ASSERT_EQ(app.patch("/api/v1/cases/" + c2, json::object{{"adviserId", app.manager_a.id}}, m).status, 200);
  ASSERT_EQ(app.post("/api/v1/cases/" + c1 + "/transitions", json::object{{"to", "in_progress"}}, a).status, 200);
  app.clock().advance(std::chrono::hours(24 * 10));
  m = app.login(app.manager_a);  // the old tokens have expired
  a = app.login(app.advisor_a);
  admin = app.login(app.admin);
  auto closed = app.post("/api/v1/cases/" + c1 + "/transitions",
                         json::object{{"to", "closed"},
                                      {"outcome", "Plan"},
                                      {"closureReason", "Done"},
                                      {"complianceOverrideReason", "Client withdrew consent"}},
                         m);
  ASSERT_EQ(closed.status, 200) << closed.body;
  d = app.get("/api/v1/dashboard", m);
  EXPECT_EQ(by_status(d, "open"), 2);
  EXPECT_EQ(by_status(d, "closed"), 1);
  EXPECT_EQ(figure(d, "debtUnderAdvice"), 80000);
  EXPECT_EQ(figure(d, "priorityArrears"), 30000);
  EXPECT_EQ(figure(d, "writtenOff"), 500000);
  EXPECT_EQ(figure(d, "repaid"), 200000);
  EXPECT_EQ(figure(d, "medianDaysToClose"), 10);
  EXPECT_EQ(figure(d, "closedCases"), 1);
  EXPECT_EQ(figure(d, "closedCompliant"), 0);
  EXPECT_EQ(figure(d, "complianceRatePercent"), 0);
  long long opened = 0, closed_months = 0;
  for (const auto& mo : d.obj().at("figures").at("openedPerMonth").as_array()) opened += mo.at("count").as_int64();
  for (const auto& mo : d.obj().at("figures").at("closedPerMonth").as_array())
    closed_months += mo.at("count").as_int64();
  EXPECT_EQ(opened, 3);
  EXPECT_EQ(closed_months, 1);
  auto moved = app.get("/api/v1/dashboard?adviserId=" + app.manager_a.id, m);
  EXPECT_EQ(by_status(moved, "open"), 2);
  EXPECT_EQ(figure(moved, "debtUnderAdvice"), 80000);
  expect_consistent(app, admin, app.centre_a);
  // Reopening takes the closing back out.
  ASSERT_EQ(
      app.post("/api/v1/cases/" + c1 + "/transitions", json::object{{"to", "in_progress"}, {"reason", "New debt"}}, m)
          .status,
      200);
  d = app.get("/api/v1/dashboard", m);
  EXPECT_EQ(by_status(d, "closed"), 0);
  EXPECT_TRUE(d.obj().at("figures").at("medianDaysToClose").is_null());
  EXPECT_EQ(figure(d, "debtUnderAdvice"), 200000);  // the rent arrears are under advice again
  expect_consistent(app, admin, app.centre_a);
}

TEST(Dashboard, ARandomRunOfChangesEqualsTheRecount) {
  TestApp app;
  auto a = app.login(app.advisor_a);
  auto m = app.login(app.manager_a);
  auto admin = app.login(app.admin);
  std::mt19937 rng(20261130);
  const char* types[] = {"rent_arrears", "credit_card", "council_tax_arrears", "overdraft", "gas_arrears"};
  const char* statuses[] = {"active", "disputed", "paid", "written_off"};
  std::vector<std::string> cases;
  std::vector<std::pair<std::string, std::string>> debts;
  for (int step = 0; step < 60; ++step) {
    int op = static_cast<int>(rng() % 7);
    if (cases.empty() || op == 0) {
      cases.push_back(open_case(app, a));
      continue;
    }
    const auto& c = cases[rng() % cases.size()];
    auto base = "/api/v1/cases/" + c;
    if (op == 1 || op == 2) {
      auto r = app.post(base + "/debts",
                        json::object{{"creditor", "C"},
                                     {"debtType", types[rng() % 5]},
                                     {"balance", static_cast<long long>(rng() % 100000)},
                                     {"arrears", static_cast<long long>(rng() % 5000)}},
                        a);
      if (r.status == 201) debts.emplace_back(c, r.str("id"));
    } else if (op == 3 && !debts.empty()) {
      const auto& [dc, did] = debts[rng() % debts.size()];
      (void)app.patch("/api/v1/cases/" + dc + "/debts/" + did,
                      json::object{{"status", statuses[rng() % 4]}, {"balance", static_cast<long long>(rng() % 90000)}},
                      a);
    } else if (op == 4 && !debts.empty()) {
      const auto& [dc, did] = debts[rng() % debts.size()];
      (void)app.call("DELETE", "/api/v1/cases/" + dc + "/debts/" + did, a);
    } else if (op == 5) {
      (void)app.patch(base, json::object{{"adviserId", rng() % 2 ? app.manager_a.id : app.advisor_a.id}}, m);
    } else {
      const char* to[] = {"in_progress", "closed", "referred", "cancelled"};
      json::object t{{"to", to[rng() % 4]}, {"outcome", "o"}, {"closureReason", "r"}, {"reason", "again"}};
      if (rng() % 2) t["complianceOverrideReason"] = "override";
      (void)app.post(base + "/transitions", t, m);
      app.clock().advance(std::chrono::hours(static_cast<int>(rng() % 200)));
      a = app.login(app.advisor_a);  // tokens last 15 minutes
      m = app.login(app.manager_a);
    }
    // Read through the API (which keeps the figures) and compare with a read that keeps nothing.
    ASSERT_EQ(app.get("/api/v1/dashboard", m).status, 200);
    ASSERT_EQ(app.get("/api/v1/dashboard?adviserId=" + app.advisor_a.id, m).status, 200);
    expect_cache_fresh(app, app.advisor_a.id);
  }
  admin = app.login(app.admin);
  expect_consistent(app, admin, app.centre_a);
  auto check = app.get("/api/v1/centres/" + app.centre_a + "/dashboard-check", admin);
  EXPECT_EQ(check.obj().at("cases").as_int64(), static_cast<long long>(cases.size()));
}

TEST(Dashboard, NetworkCsvAndTenancy) {
  TestApp app;
  auto a = app.login(app.advisor_a);
  auto b = app.login(app.advisor_b);
  auto admin = app.login(app.admin);
  open_case(app, a);
  open_case(app, a);
  open_case(app, b);
  auto network = app.get("/api/v1/dashboard", admin);
  ASSERT_EQ(network.status, 200) << network.body;
  EXPECT_TRUE(network.obj().at("centreId").is_null());
  EXPECT_EQ(by_status(network, "open"), 3);
  EXPECT_GE(network.obj().at("centres").as_array().size(), 2u);
  auto of_b = app.get("/api/v1/dashboard?centreId=" + app.centre_b, admin);
  EXPECT_EQ(by_status(of_b, "open"), 1);
  // Managers and advisers see their own centre only.
  EXPECT_EQ(by_status(app.get("/api/v1/dashboard", b), "open"), 1);
  EXPECT_EQ(app.get("/api/v1/dashboard?centreId=" + app.centre_a, b).status, 422);
  EXPECT_EQ(app.get("/api/v1/dashboard?adviserId=" + app.advisor_a.id, b).status, 422);
  EXPECT_EQ(app.get("/api/v1/centres/" + app.centre_a + "/dashboard-check", b).status, 403);
  for (const char* q : {"?adviserId=x", "?format=xml", "?centreId=nope"})
    EXPECT_EQ(app.get(std::string("/api/v1/dashboard") + q, a).status, 422) << q;

  // CSV, by query or by Accept; a centre named like a formula is made harmless.
  ASSERT_EQ(
      app.patch("/api/v1/centres/" + app.centre_b, json::object{{"name", "=HYPERLINK(\"http://x\")"}}, admin).status,
      200);
  auto csv = app.call("GET", "/api/v1/dashboard?format=csv", admin);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("table,key,value\r\n", 0), 0u);
  EXPECT_NE(csv.body.find("casesByStatus,open,3\r\n"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("\"'=HYPERLINK(\"\"http://x\"\"): casesByStatus\",open,1"), std::string::npos) << csv.body;
  auto by_accept = app.call("GET", "/api/v1/dashboard", a, "", {{"Accept", "text/csv"}});
  EXPECT_EQ(by_accept.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(by_accept.body.find("casesByStatus,open,2\r\n"), std::string::npos);
}

}  // namespace cma::testing::dashboard_itest
