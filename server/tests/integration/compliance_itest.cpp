// The compliance checklist: ticks with a note as evidence, derived items that follow the data, the
// derived status, closing only when compliant (or a manager's override), and no reach across cases
// or centres.
#include <gtest/gtest.h>

#include "support/test_app.hpp"

namespace cma::testing::compliance_itest {
namespace json = boost::json;

namespace {
std::string open_case(TestApp& app, const std::string& token) {
  auto c = app.post("/api/v1/clients", json::object{{"firstName", "Check"}, {"lastName", "List"}}, token);
  EXPECT_EQ(c.status, 201) << c.body;
  auto k = app.post("/api/v1/cases", json::object{{"clientId", c.str("id")}}, token);
  EXPECT_EQ(k.status, 201) << k.body;
  return k.str("id");
}
const json::object& item(const HttpResult& r, const char* key) {
  for (const auto& i : r.obj().at("items").as_array())
    if (i.at("item").as_string() == key) return i.as_object();
  throw std::runtime_error("no such checklist item");
}
const char* kManualItems[] = {"identity_and_authority", "vulnerability_recorded",      "priority_debts_first",
                              "options_explained",      "advice_confirmed_in_writing", "creditor_contact_consent"};
}  // namespace

TEST(Compliance, TickWithEvidenceDeriveTheRestThenClose) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  auto base = "/api/v1/cases/" + case_id;
  auto empty = app.get(base + "/compliance", t);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.str("status"), "incomplete");
  EXPECT_EQ(empty.obj().at("items").as_array().size(), 9u);
  EXPECT_EQ(empty.obj().at("missing").as_array().size(), 9u);
  EXPECT_TRUE(item(empty, "full_budget").at("derived").as_bool());
  EXPECT_EQ(item(empty, "full_budget").at("detail").as_string(), "No budget with any lines yet.");

  auto letter =
      app.post(base + "/notes", json::object{{"type", "letter"}, {"body", "Confirmation of advice sent."}}, t);
  ASSERT_EQ(letter.status, 201);
  for (const char* key : kManualItems) {
    auto r = app.post(base + "/compliance", json::object{{"item", key}, {"evidenceNoteId", letter.str("id")}}, t);
    ASSERT_EQ(r.status, 200) << key << " " << r.body;
  }
  auto ticked = app.get(base + "/compliance", t);
  EXPECT_TRUE(item(ticked, "options_explained").at("satisfied").as_bool());
  EXPECT_EQ(item(ticked, "options_explained").at("tick").at("tickedBy").as_string(), app.advisor_a.id);
  EXPECT_EQ(item(ticked, "options_explained").at("tick").at("evidenceNoteId").as_string(), letter.str("id"));
  EXPECT_EQ(ticked.str("status"), "incomplete");
  // Derived items cannot be ticked: the data decides.
  EXPECT_EQ(
      app.post(base + "/compliance", json::object{{"item", "full_budget"}, {"evidenceNoteId", letter.str("id")}}, t)
          .status,
      422);
  // Supply the data: a budget with income and spending, a debt, a review date.
  auto budget = app.call(
      "PUT", base + "/budget", t,
      json::serialize(json::object{
          {"lines",
           json::array{
               json::object{{"section", "income"}, {"category", "wages"}, {"amount", 150000}, {"frequency", "monthly"}},
               json::object{
                   {"section", "fixed_costs"}, {"category", "rent"}, {"amount", 60000}, {"frequency", "monthly"}}}}}));
  ASSERT_EQ(budget.status, 201) << budget.body;
  ASSERT_EQ(
      app.post(base + "/debts", json::object{{"creditor", "Bank"}, {"debtType", "credit_card"}, {"balance", 100000}}, t)
          .status,
      201);
  auto review = app.patch(base, json::object{{"nextReviewDate", "2099-01-01"}}, t);
  ASSERT_EQ(review.status, 200) << review.body;
  auto complete = app.get(base + "/compliance", t);
  EXPECT_EQ(complete.str("status"), "compliant") << complete.body;
  EXPECT_TRUE(complete.obj().at("missing").as_array().empty());

  // Unticking makes it incomplete again, and blocks the adviser's closing.
  auto un = app.post(base + "/compliance", json::object{{"item", "creditor_contact_consent"}, {"ticked", false}}, t);
  ASSERT_EQ(un.status, 200) << un.body;
  EXPECT_EQ(un.str("status"), "incomplete");
  ASSERT_EQ(app.post(base + "/transitions", json::object{{"to", "in_progress"}}, t).status, 200);
  json::object close{{"to", "closed"}, {"outcome", "dmp_set_up"}, {"closureReason", "Advice complete"}};
  auto refused = app.post(base + "/transitions", close, t);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("creditor_contact_consent"), std::string::npos);
  ASSERT_EQ(app.post(base + "/compliance",
                     json::object{{"item", "creditor_contact_consent"}, {"evidenceNoteId", letter.str("id")}}, t)
                .status,
            200);
  auto closed = app.post(base + "/transitions", close, t);
  ASSERT_EQ(closed.status, 200) << closed.body;
  // A finished case's checklist is read-only.
  EXPECT_EQ(app.post(base + "/compliance", json::object{{"item", "options_explained"}, {"ticked", false}}, t).status,
            409);
  auto m = app.login(app.manager_a);
  auto audit = app.get("/api/v1/audit?entityType=case&entityId=" + case_id, m);
  EXPECT_NE(audit.body.find("compliance.tick"), std::string::npos);
  EXPECT_NE(audit.body.find("compliance.untick"), std::string::npos);
}

TEST(Compliance, EvidenceMustBeANoteOfThisCaseAndNothingCrossesCentres) {
  TestApp app;
  auto a = app.login(app.advisor_a);
  auto b = app.login(app.advisor_b);
  auto case_a = open_case(app, a);
  auto other_case_a = open_case(app, a);
  auto case_b = open_case(app, b);
  auto note_other =
      app.post("/api/v1/cases/" + other_case_a + "/notes", json::object{{"type", "call"}, {"body", "x"}}, a);
  auto note_b = app.post("/api/v1/cases/" + case_b + "/notes", json::object{{"type", "call"}, {"body", "x"}}, b);
  auto path = "/api/v1/cases/" + case_a + "/compliance";
  for (const auto& bad : {json::object{{"item", "options_explained"}, {"evidenceNoteId", note_other.str("id")}},
                          json::object{{"item", "options_explained"}, {"evidenceNoteId", note_b.str("id")}},
                          json::object{{"item", "options_explained"}, {"evidenceNoteId", "nope"}},
                          json::object{{"item", "options_explained"}},
                          json::object{{"item", "tea_offered"}, {"evidenceNoteId", note_other.str("id")}},
                          json::object{{"evidenceNoteId", note_other.str("id")}},
                          json::object{{"item", "options_explained"}, {"ticked", "yes"}},
                          json::object{{"item", "options_explained"}, {"colour", "red"}}}) {
    auto r = app.post(path, bad, a);
    EXPECT_EQ(r.status, 422) << json::serialize(bad) << " " << r.body;
  }
  EXPECT_EQ(app.get(path, a).obj().at("missing").as_array().size(), 9u);
  // Another centre's case: 404 for read and write.
  EXPECT_EQ(app.get(path, b).status, 404);
  EXPECT_EQ(app.post(path, json::object{{"item", "options_explained"}, {"evidenceNoteId", note_b.str("id")}}, b).status,
            404);
  EXPECT_EQ(app.get("/api/v1/cases/not-a-case/compliance", a).status, 404);
}

}  // namespace cma::testing::compliance_itest
