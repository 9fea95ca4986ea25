// Debts: derived and overridden priority, masking, the case's figures, and nested-path tenancy.
#include <gtest/gtest.h>

#include "support/test_app.hpp"

namespace cma::testing::debts_itest {
namespace json = boost::json;

namespace {
struct Opened {
  std::string client, case_id;
};
Opened open_case(TestApp& app, const std::string& token) {
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "Debt"}, {"lastName", "Owner"}}, token);
  EXPECT_EQ(client.status, 201) << client.body;
  auto c = app.post("/api/v1/cases", json::object{{"clientId", client.str("id")}}, token);
  EXPECT_EQ(c.status, 201) << c.body;
  return {client.str("id"), c.str("id")};
}
json::object debt(const char* creditor, const char* type, long long balance, long long arrears = 0) {
  return json::object{{"creditor", creditor}, {"debtType", type}, {"balance", balance}, {"arrears", arrears}};
}
}  // namespace

TEST(Debts, PriorityIsDerivedFromTheTypeAndOverriddenOnlyWithAReason) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto c = open_case(app, t);
  auto base = "/api/v1/cases/" + c.case_id + "/debts";
  auto rent = app.post(base, debt("Council Housing", "rent_arrears", 120000, 120000), t);
  ASSERT_EQ(rent.status, 201) << rent.body;
  EXPECT_EQ(rent.str("derivedPriority"), "priority");
  EXPECT_EQ(rent.str("effectivePriority"), "priority");
  auto card = app.post(base, debt("Big Bank", "credit_card", 500000), t);
  ASSERT_EQ(card.status, 201);
  EXPECT_EQ(card.str("effectivePriority"), "non_priority");
  auto overpay = app.post(base, debt("DWP", "benefit_overpayment", 80000), t);
  auto path = base + "/" + overpay.str("id");
  EXPECT_EQ(app.patch(path, json::object{{"priorityOverride", "priority"}}, t).status, 422);
  auto overridden = app.patch(
      path, json::object{{"priorityOverride", "priority"}, {"priorityReason", "Recovered by deduction from benefits"}},
      t);
  ASSERT_EQ(overridden.status, 200) << overridden.body;
  EXPECT_EQ(overridden.str("derivedPriority"), "non_priority");
  EXPECT_EQ(overridden.str("effectivePriority"), "priority");

  auto detail = app.get("/api/v1/cases/" + c.case_id, t);
  const auto& f = detail.obj().at("figures").as_object();
  EXPECT_EQ(f.at("totalDebt").as_int64(), 700000);
  EXPECT_EQ(f.at("priorityDebt").as_int64(), 200000);
  EXPECT_EQ(f.at("priorityArrears").as_int64(), 120000);
  EXPECT_EQ(f.at("nonPriorityDebt").as_int64(), 500000);
  EXPECT_EQ(f.at("debts").as_int64(), 3);

  // Removing is soft: no longer listed or counted, still in the audit trail.
  ASSERT_EQ(app.call("DELETE", base + "/" + card.str("id"), t).status, 200);
  EXPECT_EQ(app.get(base + "/" + card.str("id"), t).status, 404);
  EXPECT_EQ(app.get("/api/v1/cases/" + c.case_id, t).obj().at("figures").at("totalDebt").as_int64(), 200000);
}

TEST(Debts, AccountReferencesAreMaskedInListsAndMoneyIsWholePence) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto c = open_case(app, t);
  auto base = "/api/v1/cases/" + c.case_id + "/debts";
  auto d = debt("Big Bank", "credit_card", 123456);
  d["accountReference"] = "4929 1234 5678 9012";
  auto created = app.post(base, d, t);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.str("accountReference"), "4929 1234 5678 9012");
  auto list = app.get(base, t);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.obj().at("items").as_array()[0].at("accountReference").as_string(), "****9012");
  for (const auto& bad : {json::value(12.5), json::value(-1), json::value("100"), json::value(1e13)}) {
    auto b = debt("X", "credit_card", 0);
    b["balance"] = bad;
    EXPECT_EQ(app.post(base, b, t).status, 422) << json::serialize(bad);
  }
  EXPECT_EQ(app.post(base, debt("X", "yacht_loan", 1), t).status, 422);
  EXPECT_EQ(app.get(base, t).obj().at("items").as_array().size(), 1u);
}

TEST(Debts, AnotherCentresCaseOrDebtIsNotFoundEvenUnderMyOwnCase) {
  TestApp app;
  auto ta = app.login(app.advisor_a);
  auto tb = app.login(app.advisor_b);
  auto mine = open_case(app, ta);
  auto theirs = open_case(app, tb);
  auto their_debt = app.post("/api/v1/cases/" + theirs.case_id + "/debts", debt("B", "credit_card", 100), tb);
  ASSERT_EQ(their_debt.status, 201);
  auto my_debt = app.post("/api/v1/cases/" + mine.case_id + "/debts", debt("A", "credit_card", 100), ta);
  ASSERT_EQ(my_debt.status, 201);
  auto nested = "/api/v1/cases/" + mine.case_id + "/debts/" + their_debt.str("id");
  EXPECT_EQ(app.get(nested, ta).status, 404);
  EXPECT_EQ(app.patch(nested, json::object{{"balance", 1}}, ta).status, 404);
  EXPECT_EQ(app.call("DELETE", nested, ta).status, 404);
  auto direct = "/api/v1/cases/" + theirs.case_id + "/debts";
  EXPECT_EQ(app.get(direct, ta).status, 404);
  EXPECT_EQ(app.post(direct, debt("A", "credit_card", 1), ta).status, 404);
  EXPECT_EQ(app.get(direct + "/" + their_debt.str("id"), ta).status, 404);
  // My own debt under my other case is not found either.
  auto other_case = app.post("/api/v1/cases", json::object{{"clientId", mine.client}}, ta);
  EXPECT_EQ(app.get("/api/v1/cases/" + other_case.str("id") + "/debts/" + my_debt.str("id"), ta).status, 404);
  auto still = app.get(direct + "/" + their_debt.str("id"), tb);
  EXPECT_EQ(still.obj().at("balance").as_int64(), 100);
  for (const char* q : {"?limit=abc", "?limit=100000", "?cursor=zzz"})
    EXPECT_EQ(app.get("/api/v1/cases/" + mine.case_id + "/debts" + std::string(q), ta).status, 422) << q;
}

TEST(Debts, AFinishedCaseRefusesChanges) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto c = open_case(app, t);
  auto base = "/api/v1/cases/" + c.case_id + "/debts";
  auto d = app.post(base, debt("A", "credit_card", 100), t);
  auto tr = "/api/v1/cases/" + c.case_id + "/transitions";
  ASSERT_EQ(app.post(tr, json::object{{"to", "cancelled"}}, t).status, 200);
  EXPECT_EQ(app.post(base, debt("B", "credit_card", 100), t).status, 409);
  EXPECT_EQ(app.patch(base + "/" + d.str("id"), json::object{{"balance", 5}}, t).status, 409);
  EXPECT_EQ(app.get(base + "/" + d.str("id"), t).obj().at("balance").as_int64(), 100);
}

}  // namespace cma::testing::debts_itest
