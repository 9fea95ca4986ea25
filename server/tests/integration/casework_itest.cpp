// Budgets, offers and debt-solution screening over the HTTP API, with RULES.md's worked examples.
#include <gtest/gtest.h>

#include <future>
#include <random>
#include <set>

#include "app/budgets/budgets.hpp"
#include "app/cases/cases.hpp"
#include "app/clients/clients.hpp"
#include "app/debts/debts.hpp"
#include "domain/debts/debt_type.hpp"
#include "refdata/reference_data.hpp"
#include "support/backend.hpp"
#include "support/process.hpp"
#include "support/test_app.hpp"

namespace cma::testing::casework_itest {
namespace json = boost::json;

namespace {
std::string open_case(TestApp& app, const std::string& token, json::object client = {}) {
  client["firstName"] = "Budget";
  client["lastName"] = "Holder";
  auto c = app.post("/api/v1/clients", client, token);
  EXPECT_EQ(c.status, 201) << c.body;
  auto k = app.post("/api/v1/cases", json::object{{"clientId", c.str("id")}}, token);
  EXPECT_EQ(k.status, 201) << k.body;
  return k.str("id");
}
json::object line(const char* section, const char* category, long long amount, const char* frequency) {
  return json::object{{"section", section}, {"category", category}, {"amount", amount}, {"frequency", frequency}};
}
HttpResult put_budget(TestApp& app, const std::string& token, const std::string& case_id, json::array lines,
                      json::object extra = {}) {
  extra["lines"] = std::move(lines);
  return app.call("PUT", "/api/v1/cases/" + case_id + "/budget", token, json::serialize(extra));
}
std::string add_debt(TestApp& app, const std::string& token, const std::string& case_id, const char* type,
                     long long balance) {
  auto d = app.post("/api/v1/cases/" + case_id + "/debts",
                    json::object{{"creditor", type}, {"debtType", type}, {"balance", balance}}, token);
  EXPECT_EQ(d.status, 201) << d.body;
  return d.str("id");
}
const json::object& solution(const HttpResult& r, const char* name) {
  for (const auto& s : r.obj().at("results").as_array())
    if (s.at("solution").as_string() == name) return s.as_object();
  throw std::runtime_error("no such solution in the screening");
}
}  // namespace

TEST(Budgets, MonthlyFiguresTotalsAndGuidelineFlags) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  auto r = put_budget(app, t, case_id,
                      json::array{line("income", "wages", 30000, "weekly"),               // £1,300.00 a month
                                  line("income", "child_benefit", 10000, "four_weekly"),  // £108.33
                                  line("fixed_costs", "rent", 60000, "monthly"),
                                  line("fixed_costs", "council_tax", 150000, "annual"),              // £125.00
                                  line("flexible_costs", "food_and_housekeeping", 10000, "weekly"),  // £433.33
                                  line("priority_debt_payments", "rent_arrears", 2000, "monthly")});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.obj().at("version").as_int64(), 1);
  EXPECT_EQ(r.str("kind"), "initial");
  const auto& lines = r.obj().at("lines").as_array();
  EXPECT_EQ(lines[0].at("monthly").as_int64(), 130000);
  EXPECT_EQ(lines[1].at("monthly").as_int64(), 10833);
  EXPECT_EQ(lines[3].at("monthly").as_int64(), 12500);
  EXPECT_EQ(lines[4].at("monthly").as_int64(), 43333);
  const auto& totals = r.obj().at("totals").as_object();
  EXPECT_EQ(totals.at("income").as_int64(), 140833);
  EXPECT_EQ(totals.at("expenditure").as_int64(), 117833);
  EXPECT_EQ(totals.at("priorityDebtPayments").as_int64(), 2000);
  EXPECT_EQ(totals.at("surplus").as_int64(), 23000);
  EXPECT_EQ(totals.at("availableForNonPriority").as_int64(), 23000);
  // One adult, no children: food over the (illustrative) guideline is flagged.
  const auto& flags = r.obj().at("guidelineFlags").as_array();
  ASSERT_EQ(flags.size(), 1u) << r.body;
  EXPECT_EQ(flags[0].at("category").as_string(), "food_and_housekeeping");
  EXPECT_GT(flags[0].at("overBy").as_int64(), 0);
  EXPECT_TRUE(r.obj().at("guidelines").at("illustrative").as_bool());

  auto detail = app.get("/api/v1/cases/" + case_id, t);
  EXPECT_EQ(detail.obj().at("figures").at("monthlySurplus").as_int64(), 23000);

  auto revised = put_budget(app, t, case_id, json::array{line("income", "wages", 100000, "monthly")});
  ASSERT_EQ(revised.status, 201);
  EXPECT_EQ(revised.obj().at("version").as_int64(), 2);
  EXPECT_EQ(revised.str("kind"), "revised");
  EXPECT_EQ(app.get("/api/v1/cases/" + case_id + "/budget", t).obj().at("version").as_int64(), 2);
  auto first = app.get("/api/v1/cases/" + case_id + "/budget/versions/1", t);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.obj().at("lines").as_array().size(), 6u);
  auto versions = app.get("/api/v1/cases/" + case_id + "/budget/versions", t);
  EXPECT_EQ(versions.obj().at("items").as_array().size(), 2u);
  EXPECT_EQ(app.get("/api/v1/cases/" + case_id + "/budget/versions/3", t).status, 404);
  EXPECT_EQ(app.get("/api/v1/cases/" + case_id + "/budget/versions/x", t).status, 404);
}

TEST(Budgets, BadLinesAreNamedAndNothingIsSaved) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  auto r = put_budget(app, t, case_id,
                      json::array{line("income", "rent", 100, "monthly"),     // rent is not income
                                  line("income", "wages", -5, "monthly"),     // negative
                                  line("income", "wages", 100, "daily"),      // no such frequency
                                  line("spending", "wages", 100, "monthly"),  // no such section
                                  json::object{{"section", "income"},
                                               {"category", "wages"},
                                               {"amount", 1},
                                               {"frequency", "monthly"},
                                               {"colour", "red"}}});
  ASSERT_EQ(r.status, 422) << r.body;
  std::set<std::string> fields;
  for (const auto& e : r.obj().at("errors").as_array()) fields.insert(std::string(e.at("field").as_string()));
  for (const char* f :
       {"lines[0].category", "lines[1].amount", "lines[2].frequency", "lines[3].section", "lines[4].colour"})
    EXPECT_TRUE(fields.count(f)) << f << " in " << r.body;
  EXPECT_EQ(app.get("/api/v1/cases/" + case_id + "/budget", t).status, 404);
}

TEST(Budgets, ConcurrentSavesGetConsecutiveVersions) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  constexpr int kCalls = 12;
  std::vector<std::future<HttpResult>> calls;
  for (int i = 0; i < kCalls; ++i)
    calls.push_back(std::async(std::launch::async, [&, i] {
      return put_budget(app, t, case_id, json::array{line("income", "wages", 1000 + i, "monthly")});
    }));
  std::set<long long> versions;
  for (auto& f : calls) {
    auto r = f.get();
    ASSERT_EQ(r.status, 201) << r.body;
    versions.insert(r.obj().at("version").as_int64());
  }
  EXPECT_EQ(versions.size(), static_cast<std::size_t>(kCalls));
  EXPECT_EQ(*versions.rbegin(), kCalls);
}

TEST(Offers, ProRataWorkedExampleSavedAndAppliedOnce) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  auto base = "/api/v1/cases/" + case_id + "/offers";
  EXPECT_EQ(app.get(base + "/proposal", t).status, 409);  // no budget yet
  // £150.00 available over £5,000 / £3,000 / £2,000 → £75 / £45 / £30 (RULES.md).
  ASSERT_EQ(
      put_budget(app, t, case_id,
                 json::array{line("income", "wages", 100000, "monthly"), line("fixed_costs", "rent", 85000, "monthly")})
          .status,
      201);
  auto card = add_debt(app, t, case_id, "credit_card", 500000);
  auto overdraft = add_debt(app, t, case_id, "overdraft", 300000);
  auto loan = add_debt(app, t, case_id, "personal_loan", 200000);
  add_debt(app, t, case_id, "rent_arrears", 100000);  // priority: not offered a share
  auto proposal = app.get(base + "/proposal", t);
  ASSERT_EQ(proposal.status, 200) << proposal.body;
  EXPECT_EQ(proposal.obj().at("available").as_int64(), 15000);
  const auto& lines = proposal.obj().at("lines").as_array();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].at("monthly").as_int64(), 7500);
  EXPECT_EQ(lines[1].at("monthly").as_int64(), 4500);
  EXPECT_EQ(lines[2].at("monthly").as_int64(), 3000);
  EXPECT_TRUE(proposal.obj().at("id").is_null());
  EXPECT_EQ(app.get(base, t).obj().at("items").as_array().size(), 0u);  // proposing stores nothing

  auto saved = app.post(base, json::object{}, t);
  ASSERT_EQ(saved.status, 201) << saved.body;
  auto set_id = saved.str("id");
  auto tt = app.login(app.trainee_a);
  EXPECT_EQ(app.post(base + "/" + set_id + "/apply", json::object{}, tt).status, 403);
  // Two advisers apply at once: exactly one succeeds.
  std::vector<std::future<HttpResult>> calls;
  for (int i = 0; i < 6; ++i)
    calls.push_back(
        std::async(std::launch::async, [&] { return app.post(base + "/" + set_id + "/apply", json::object{}, t); }));
  int ok = 0, conflicts = 0;
  for (auto& f : calls) {
    auto r = f.get();
    if (r.status == 200)
      ++ok;
    else if (r.status == 409)
      ++conflicts;
    else
      ADD_FAILURE() << r.status << " " << r.body;
  }
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(conflicts, 5);
  auto debts = "/api/v1/cases/" + case_id + "/debts/";
  EXPECT_EQ(app.get(debts + card, t).obj().at("offeredPayment").as_int64(), 7500);
  EXPECT_EQ(app.get(debts + overdraft, t).obj().at("offeredPayment").as_int64(), 4500);
  EXPECT_EQ(app.get(debts + loan, t).obj().at("offeredPayment").as_int64(), 3000);
  EXPECT_FALSE(app.get(base + "/" + set_id, t).obj().at("appliedAt").is_null());
}

TEST(Offers, TieBreakAndTokenPayments) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  ASSERT_EQ(put_budget(app, t, case_id, json::array{line("income", "wages", 10000, "monthly")}).status, 201);
  for (int i = 0; i < 3; ++i) add_debt(app, t, case_id, "credit_card", 100000);
  // £100 over 3 × £1,000: £33.34 to the oldest, then £33.33 each.
  auto p = app.get("/api/v1/cases/" + case_id + "/offers/proposal", t);
  ASSERT_EQ(p.status, 200) << p.body;
  const auto& lines = p.obj().at("lines").as_array();
  EXPECT_EQ(lines[0].at("monthly").as_int64(), 3334);
  EXPECT_EQ(lines[1].at("monthly").as_int64(), 3333);
  EXPECT_EQ(lines[2].at("monthly").as_int64(), 3333);
  EXPECT_EQ(p.obj().at("totalMonthly").as_int64(), 10000);
  // A deficit: token payments of £1 a month each.
  ASSERT_EQ(
      put_budget(app, t, case_id,
                 json::array{line("income", "wages", 10000, "monthly"), line("fixed_costs", "rent", 20000, "monthly")})
          .status,
      201);
  auto token = app.get("/api/v1/cases/" + case_id + "/offers/proposal", t);
  EXPECT_TRUE(token.obj().at("token").as_bool());
  EXPECT_EQ(token.obj().at("available").as_int64(), 0);
  for (const auto& l : token.obj().at("lines").as_array()) EXPECT_EQ(l.at("monthly").as_int64(), 100);
}

TEST(Solutions, DroLimitsFollowTheAssessmentDate) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t, json::object{{"housingTenure", "private_rent"}});
  ASSERT_EQ(
      put_budget(app, t, case_id,
                 json::array{line("income", "wages", 100000, "monthly"), line("fixed_costs", "rent", 95000, "monthly")})
          .status,
      201);  // £50 surplus
  add_debt(app, t, case_id, "credit_card", 2500000);
  add_debt(app, t, case_id, "personal_loan", 1500000);  // £40,000 in all
  auto before = app.get("/api/v1/cases/" + case_id + "/solutions?date=2024-06-27", t);
  ASSERT_EQ(before.status, 200) << before.body;
  const auto& dro_before = solution(before, "debt_relief_order");
  EXPECT_FALSE(dro_before.at("available").as_bool());
  const auto& barrier = dro_before.at("barriers").as_array()[0];
  EXPECT_EQ(barrier.at("rule").as_string(), "debts_over_limit");
  EXPECT_EQ(barrier.at("actual").as_int64(), 4000000);
  EXPECT_EQ(barrier.at("limit").as_int64(), 3000000);
  auto after = app.get("/api/v1/cases/" + case_id + "/solutions?date=2024-06-28", t);
  EXPECT_TRUE(solution(after, "debt_relief_order").at("available").as_bool()) << after.body;
  auto today = app.get("/api/v1/cases/" + case_id + "/solutions", t);
  ASSERT_EQ(today.status, 200);
  EXPECT_TRUE(solution(today, "debt_relief_order").at("available").as_bool());
  EXPECT_TRUE(solution(today, "debt_management_plan").at("available").as_bool());
  EXPECT_FALSE(solution(today, "token_payments").at("available").as_bool());
  EXPECT_FALSE(solution(today, "mental_health_crisis_breathing_space").at("available").as_bool());
  // A homeowner cannot have a DRO.
  ASSERT_EQ(app.patch("/api/v1/cases/" + case_id, json::object{{"homeowner", true}}, t).status, 200);
  auto owner = app.get("/api/v1/cases/" + case_id + "/solutions", t);
  bool homeowner_barrier = false;
  for (const auto& b : solution(owner, "debt_relief_order").at("barriers").as_array())
    homeowner_barrier = homeowner_barrier || b.at("rule").as_string() == "homeowner";
  EXPECT_TRUE(homeowner_barrier) << owner.body;
  for (const char* q : {"?date=tomorrow", "?date=2999-01-01", "?date=1990-01-01"})
    EXPECT_EQ(app.get("/api/v1/cases/" + case_id + "/solutions" + std::string(q), t).status, 422) << q;
}

TEST(Casework, AnotherCentresCaseIsNotFoundForBudgetsOffersAndScreening) {
  TestApp app;
  auto ta = app.login(app.advisor_a);
  auto tb = app.login(app.advisor_b);
  auto case_id = open_case(app, ta);
  ASSERT_EQ(put_budget(app, ta, case_id, json::array{line("income", "wages", 100000, "monthly")}).status, 201);
  add_debt(app, ta, case_id, "credit_card", 1000);
  auto saved = app.post("/api/v1/cases/" + case_id + "/offers", json::object{}, ta);
  ASSERT_EQ(saved.status, 201);
  auto base = "/api/v1/cases/" + case_id;
  EXPECT_EQ(app.get(base + "/budget", tb).status, 404);
  EXPECT_EQ(put_budget(app, tb, case_id, json::array{}).status, 404);
  EXPECT_EQ(app.get(base + "/budget/versions", tb).status, 404);
  EXPECT_EQ(app.get(base + "/budget/versions/1", tb).status, 404);
  EXPECT_EQ(app.get(base + "/offers", tb).status, 404);
  EXPECT_EQ(app.get(base + "/offers/proposal", tb).status, 404);
  EXPECT_EQ(app.post(base + "/offers", json::object{}, tb).status, 404);
  EXPECT_EQ(app.get(base + "/offers/" + saved.str("id"), tb).status, 404);
  EXPECT_EQ(app.post(base + "/offers/" + saved.str("id") + "/apply", json::object{}, tb).status, 404);
  EXPECT_EQ(app.get(base + "/solutions", tb).status, 404);
  // An offer set under my other case is not found either.
  auto other = open_case(app, ta);
  EXPECT_EQ(app.get("/api/v1/cases/" + other + "/offers/" + saved.str("id"), ta).status, 404);
  EXPECT_EQ(app.get(base + "/budget", ta).obj().at("version").as_int64(), 1);
  EXPECT_TRUE(app.get(base + "/offers/" + saved.str("id"), ta).obj().at("appliedAt").is_null());
}

}  // namespace cma::testing::casework_itest

namespace cma::testing::casework_itest {

TEST(Demo, SeedDemoAddsRealisticCaseworkToEveryCentre) {
  auto url = new_database_url();
  auto first = run_cma("seed-demo --clients 30 --log-level off --database-url '" + url + "'");
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("added 30 clients with 30 cases"), std::string::npos) << first.output;
  auto more = run_cma("seed-demo --clients 4 --log-level off --database-url '" + url + "'");
  ASSERT_EQ(more.exit_code, 0) << more.output;
  EXPECT_NE(more.output.find("was not created"), std::string::npos) << more.output;

  store::SociDatabase db(url, 1);
  platform::SystemClock clock;
  platform::UuidV7Generator ids(clock);
  auto reference = refdata::load_reference_data("");
  app::Deps deps{db, clock, ids, *reference};
  app::Actor actor{app::Principal::operator_command(), {}};
  app::KeysetRequest page;
  page.limit = 100;
  auto clients = app::list_clients(deps, actor, {}, page);
  ASSERT_TRUE(clients);
  EXPECT_EQ(clients->items.size(), 34u);
  std::set<std::string> centres;
  for (const auto& c : clients->items) centres.insert(c.centre_id);
  EXPECT_EQ(centres.size(), 2u);
  app::KeysetRequest case_page;
  case_page.limit = 100;
  auto cases = app::list_cases(deps, actor, {}, case_page);
  ASSERT_TRUE(cases);
  ASSERT_EQ(cases->items.size(), 34u);
  std::set<std::string> types, statuses;
  for (const auto& k : cases->items) {
    statuses.insert(k.status);
    app::PageRequest debts_page;
    debts_page.limit = 100;
    auto debts = app::list_debts(deps, actor, k.id, debts_page);
    ASSERT_TRUE(debts);
    EXPECT_GE(debts->items.size(), 3u);
    for (const auto& d : debts->items) types.insert(d.debt_type);
    EXPECT_TRUE(app::get_budget(deps, actor, k.id, std::nullopt)) << k.reference;
  }
  EXPECT_EQ(types.size(), domain::all_debt_types().size());  // every debt type appears
  EXPECT_GE(statuses.size(), 4u);
  auto verify = run_cma("audit verify --log-level off --database-url '" + url + "'");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

}  // namespace cma::testing::casework_itest

namespace cma::testing::casework_itest {

// Every casework route, with ids that are junk, foreign or not UUIDs and bodies that are not what
// the route expects: never a 5xx, and the other centre's data reads exactly as before.
TEST(Casework, NoInputGivesA5xxOrChangesAnotherCentresData) {
  TestApp app;
  auto ta = app.login(app.advisor_a);
  auto tb = app.login(app.advisor_b);
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "Safe"}, {"lastName", "Keeping"}}, ta);
  auto kase = app.post("/api/v1/cases", json::object{{"clientId", client.str("id")}}, ta);
  auto debt = app.post("/api/v1/cases/" + kase.str("id") + "/debts",
                       json::object{{"creditor", "Bank"}, {"debtType", "credit_card"}, {"balance", 100000}}, ta);
  ASSERT_EQ(debt.status, 201);
  auto base = "/api/v1/cases/" + kase.str("id");
  ASSERT_EQ(app.call("PUT", base + "/budget", ta,
                     R"({"lines":[{"section":"income","category":"wages","amount":200000,"frequency":"monthly"}]})")
                .status,
            201);
  auto offer = app.post(base + "/offers", json::object{}, ta);
  ASSERT_EQ(offer.status, 201);
  auto snapshot = [&] {
    std::string s;
    for (const auto& path : {"/api/v1/clients/" + client.str("id"), base, base + "/debts/" + debt.str("id"),
                             base + "/budget", base + "/offers/" + offer.str("id")})
      s.append(app.get(path, ta).body);
    return s;
  };
  auto before = snapshot();

  std::vector<std::string> ids = {client.str("id"),
                                  kase.str("id"),
                                  debt.str("id"),
                                  offer.str("id"),
                                  "not-a-uuid",
                                  "%00",
                                  "%FF%FE",
                                  std::string(300, 'x'),
                                  "00000000-0000-0000-0000-000000000000",
                                  "1",
                                  "-1",
                                  "99999999999999999999"};
  std::vector<std::string> bodies = {
      "",
      "{}",
      "[]",
      "null",
      "{\"lines\": 5}",
      "{\"lines\": [1, {}], \"kind\": []}",
      "{\"balance\": 1e400}",
      "{\"balance\": -0.5, \"debtType\": null}",
      "{\"to\": \"closed\", \"outcome\": \"\\u0000\"}",
      "{\"clientId\": \"" + client.str("id") + "\", \"adviserId\": \"" + app.advisor_a.id + "\"}",
      "{\"firstName\": \"\xff\"}",
      std::string(2000, '{')};
  std::vector<std::pair<std::string, std::string>> routes = {{"GET", "/api/v1/clients/{}"},
                                                             {"PATCH", "/api/v1/clients/{}"},
                                                             {"DELETE", "/api/v1/clients/{}"},
                                                             {"GET", "/api/v1/cases/{}"},
                                                             {"PATCH", "/api/v1/cases/{}"},
                                                             {"POST", "/api/v1/cases/{}/transitions"},
                                                             {"GET", "/api/v1/cases/{}/debts"},
                                                             {"POST", "/api/v1/cases/{}/debts"},
                                                             {"GET", "/api/v1/cases/{}/debts/{}"},
                                                             {"PATCH", "/api/v1/cases/{}/debts/{}"},
                                                             {"DELETE", "/api/v1/cases/{}/debts/{}"},
                                                             {"GET", "/api/v1/cases/{}/budget"},
                                                             {"PUT", "/api/v1/cases/{}/budget"},
                                                             {"GET", "/api/v1/cases/{}/budget/versions"},
                                                             {"GET", "/api/v1/cases/{}/budget/versions/{}"},
                                                             {"GET", "/api/v1/cases/{}/offers"},
                                                             {"POST", "/api/v1/cases/{}/offers"},
                                                             {"GET", "/api/v1/cases/{}/offers/proposal"},
                                                             {"GET", "/api/v1/cases/{}/offers/{}"},
                                                             {"POST", "/api/v1/cases/{}/offers/{}/apply"},
                                                             {"GET", "/api/v1/cases/{}/solutions"},
                                                             {"POST", "/api/v1/clients"},
                                                             {"POST", "/api/v1/cases"}};
  std::mt19937 rng(20261130);
  int requests = 0;
  for (const auto& [method, pattern] : routes) {
    for (int n = 0; n < 12; ++n) {
      std::string path;
      for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern.compare(i, 2, "{}") == 0) {
          path.append(ids[rng() % ids.size()]);
          ++i;
        } else {
          path.push_back(pattern[i]);
        }
      }
      if (n % 3 == 0) path.append("?limit=").append(ids[rng() % ids.size()]).append("&cursor=x&date=0");
      const auto& body = bodies[rng() % bodies.size()];
      auto r = app.call(method, path, tb, method == "GET" || method == "DELETE" ? "" : body);
      ++requests;
      EXPECT_LT(r.status, 500) << method << " " << path << " " << body.substr(0, 60) << " -> " << r.body;
      EXPECT_NE(r.status, 0) << method << " " << path;
      if (r.status >= 200 && r.status < 300 && method != "GET") {
        EXPECT_TRUE(pattern == "/api/v1/clients" || pattern == "/api/v1/cases") << method << " " << path;
      }
    }
  }
  EXPECT_GT(requests, 250);
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(app.get("/health", "").status, 200);
}

}  // namespace cma::testing::casework_itest

namespace cma::testing::casework_itest {

// Deleting a client and opening a case for it at the same time: never both.
TEST(Casework, DeletingAClientAndOpeningItsCaseAtOnceNeverBothSucceed) {
  TestApp app;
  auto ta = app.login(app.advisor_a);
  auto tm = app.login(app.manager_a);
  for (int round = 0; round < 8; ++round) {
    auto client = app.post("/api/v1/clients", json::object{{"firstName", "Race"}, {"lastName", "Delete"}}, ta);
    ASSERT_EQ(client.status, 201);
    auto id = client.str("id");
    auto opened = std::async(std::launch::async, [&] {
      return app.post("/api/v1/cases", json::object{{"clientId", id}}, ta);
    });
    auto deleted = std::async(std::launch::async, [&] { return app.call("DELETE", "/api/v1/clients/" + id, tm); });
    auto o = opened.get();
    auto d = deleted.get();
    EXPECT_TRUE((o.status == 201 && d.status == 409) || (o.status == 422 && d.status == 200))
        << "open " << o.status << " " << o.body << " / delete " << d.status << " " << d.body;
  }
}

// Two changes to different fields of one case, and of one debt, at once: both are kept.
TEST(Casework, ConcurrentChangesToDifferentFieldsAreBothKept) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "Two"}, {"lastName", "Writers"}}, t);
  auto kase = app.post("/api/v1/cases", json::object{{"clientId", client.str("id")}}, t);
  auto path = "/api/v1/cases/" + kase.str("id");
  auto debt =
      app.post(path + "/debts", json::object{{"creditor", "A"}, {"debtType", "credit_card"}, {"balance", 1}}, t);
  ASSERT_EQ(debt.status, 201);
  auto debt_path = path + "/debts/" + debt.str("id");
  for (int round = 0; round < 6; ++round) {
    auto summary = std::string("summary ").append(std::to_string(round));
    auto a = std::async(std::launch::async, [&] { return app.patch(path, json::object{{"summary", summary}}, t); });
    auto b = std::async(std::launch::async, [&] { return app.patch(path, json::object{{"assets", 1000 + round}}, t); });
    auto c = std::async(std::launch::async, [&] {
      return app.patch(debt_path, json::object{{"creditor", summary}}, t);
    });
    auto d = std::async(std::launch::async, [&] {
      return app.patch(debt_path, json::object{{"balance", 500 + round}}, t);
    });
    for (auto* f : {&a, &b, &c, &d}) EXPECT_EQ(f->get().status, 200);
    auto now = app.get(path, t);
    EXPECT_EQ(now.str("summary"), summary);
    EXPECT_EQ(now.obj().at("assets").as_int64(), 1000 + round);
    auto now_debt = app.get(debt_path, t);
    EXPECT_EQ(now_debt.str("creditor"), summary);
    EXPECT_EQ(now_debt.obj().at("balance").as_int64(), 500 + round);
  }
}

}  // namespace cma::testing::casework_itest
