// Clients: the record, its checks, search and paging, and that no centre reaches another's.
#include <gtest/gtest.h>

#include <future>
#include <set>

#include "store/clients/queries.hpp"
#include "store/database.hpp"
#include "support/backend.hpp"
#include "support/test_app.hpp"

namespace cma::testing::clients_itest {
namespace json = boost::json;

namespace {
json::object person(const std::string& first, const std::string& last) {
  return json::object{{"firstName", first}, {"lastName", last}};
}
// "prefix" followed by the number (built by appending: GCC 12 at -O3 warns wrongly about
// const char* + std::string temporaries).
std::string numbered(const char* prefix, std::size_t n) {
  std::string s(prefix);
  s.append(std::to_string(n));
  return s;
}
long long audit_count(TestApp& app, const std::string& token, const std::string& entity_id) {
  auto r = app.get("/api/v1/audit?entityId=" + entity_id, token);
  return r.status == 200 ? static_cast<long long>(r.obj().at("items").as_array().size()) : -1;
}
}  // namespace

TEST(Clients, CreateReadUpdateWithNormalisedFields) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  json::object body = person("Ada", "Lovelace");
  body["niNumber"] = "ab 12 34 56 c";
  body["postcode"] = "m11aa";
  body["dateOfBirth"] = "1980-02-29";
  body["childrenAges"] = json::array{4, 9};
  body["housingTenure"] = "private_rent";
  body["dataSharingConsent"] = true;
  auto created = app.post("/api/v1/clients", body, t);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.str("niNumber"), "AB123456C");
  EXPECT_EQ(created.str("postcode"), "M1 1AA");
  EXPECT_EQ(created.str("centreId"), app.centre_a);
  EXPECT_EQ(created.str("reference").rfind("-C-00001"), created.str("reference").size() - 8) << created.body;
  EXPECT_FALSE(created.obj().at("dataSharingConsentAt").is_null());
  auto id = created.str("id");

  auto got = app.get("/api/v1/clients/" + id, t);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.obj().at("childrenAges").as_array().size(), 2u);

  auto changed = app.patch("/api/v1/clients/" + id, json::object{{"town", "Manchester"}, {"niNumber", ""}}, t);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.str("town"), "Manchester");
  EXPECT_TRUE(changed.obj().at("niNumber").is_null());
  EXPECT_EQ(changed.str("reference"), created.str("reference"));

  auto mt = app.login(app.manager_a);
  auto trail = app.get("/api/v1/audit?entityId=" + id, mt);
  ASSERT_EQ(trail.status, 200);
  ASSERT_EQ(trail.obj().at("items").as_array().size(), 2u);
  // The NI number is identifying: the trail records that it changed, never its value.
  EXPECT_EQ(trail.body.find("AB123456C"), std::string::npos) << trail.body;
}

TEST(Clients, BadFieldsAreNamedAndNothingIsStored) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  json::object body = person("Bad", "Fields");
  body["niNumber"] = "QQ123456C";  // Q is never a first letter
  body["postcode"] = "NOT A POSTCODE";
  body["dateOfBirth"] = "2001-02-29";
  body["childrenAges"] = json::array{3, -1};
  body["housingTenure"] = "castle";
  body["vulnerabilityFlags"] = json::array{"mental_health"};  // without consent
  body["adults"] = "two";
  body["shoeSize"] = 9;
  auto r = app.post("/api/v1/clients", body, t);
  ASSERT_EQ(r.status, 422) << r.body;
  std::set<std::string> fields;
  for (const auto& e : r.obj().at("errors").as_array()) fields.insert(std::string(e.at("field").as_string()));
  for (const char* f : {"niNumber", "postcode", "dateOfBirth", "childrenAges[1]", "housingTenure", "vulnerabilityFlags",
                        "adults", "shoeSize"})
    EXPECT_TRUE(fields.count(f)) << f << " in " << r.body;
  for (const char* ni : {"GB123456A", "TN123456A", "AO123456A", "AB123456E", "AB12345C"}) {
    auto one = app.post("/api/v1/clients", json::object{{"firstName", "N"}, {"lastName", "I"}, {"niNumber", ni}}, t);
    EXPECT_EQ(one.status, 422) << ni;
  }
  EXPECT_EQ(app.post("/api/v1/clients", json::object{{"firstName", "Only"}}, t).status, 422);
  auto list = app.get("/api/v1/clients", t);
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(list.obj().at("items").as_array().empty()) << list.body;
}

TEST(Clients, VulnerabilityFlagsOnlyWithConsentAndWithdrawingConsentClearsThem) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  json::object body = person("Vera", "Care");
  body["vulnerabilityFlags"] = json::array{"mental_health", "bereavement"};
  body["vulnerabilityConsent"] = true;
  auto c = app.post("/api/v1/clients", body, t);
  ASSERT_EQ(c.status, 201) << c.body;
  EXPECT_EQ(c.obj().at("vulnerabilityFlags").as_array().size(), 2u);
  EXPECT_TRUE(c.obj().at("vulnerabilityConsent").as_bool());
  auto withdrawn = app.patch("/api/v1/clients/" + c.str("id"), json::object{{"vulnerabilityConsent", false}}, t);
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_TRUE(withdrawn.obj().at("vulnerabilityFlags").as_array().empty());
  EXPECT_TRUE(withdrawn.obj().at("vulnerabilityConsentAt").is_null());
  auto refused =
      app.patch("/api/v1/clients/" + c.str("id"), json::object{{"vulnerabilityFlags", json::array{"addiction"}}}, t);
  EXPECT_EQ(refused.status, 422);
}

TEST(Clients, SearchByNameReferenceOrPostcodeAndPageInNameOrder) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  std::vector<std::string> last = {"Zephyr", "Adams", "Mills", "Brown", "Adams", "Okafor", "Nowak"};
  std::string ref_of_mills;
  for (std::size_t i = 0; i < last.size(); ++i) {
    json::object b = person(numbered("P", i), last[i]);
    b["postcode"] = i == 3 ? "LS1 4AP" : "M1 1AA";
    auto r = app.post("/api/v1/clients", b, t);
    ASSERT_EQ(r.status, 201) << r.body;
    if (last[i] == "Mills") ref_of_mills = r.str("reference");
  }
  std::vector<std::string> seen;
  std::string cursor;
  for (int pages = 0; pages < 10; ++pages) {
    std::string target = "/api/v1/clients?limit=3";
    if (!cursor.empty()) target.append("&cursor=").append(cursor);
    auto page = app.get(target, t);
    ASSERT_EQ(page.status, 200) << page.body;
    for (const auto& c : page.obj().at("items").as_array()) seen.emplace_back(c.at("lastName").as_string());
    if (page.obj().at("nextCursor").is_null()) break;
    cursor = std::string(page.obj().at("nextCursor").as_string());
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"Adams", "Adams", "Brown", "Mills", "Nowak", "Okafor", "Zephyr"}));

  auto by_name = app.get("/api/v1/clients?q=ADA", t);
  EXPECT_EQ(by_name.obj().at("items").as_array().size(), 2u);
  auto by_ref = app.get("/api/v1/clients?q=" + ref_of_mills, t);
  ASSERT_EQ(by_ref.obj().at("items").as_array().size(), 1u);
  EXPECT_EQ(by_ref.obj().at("items").as_array()[0].at("lastName").as_string(), "Mills");
  auto by_postcode = app.get("/api/v1/clients?q=ls14ap", t);
  ASSERT_EQ(by_postcode.obj().at("items").as_array().size(), 1u);
  auto wildcard = app.get("/api/v1/clients?q=%25", t);  // a literal %, not "everything"
  EXPECT_EQ(wildcard.obj().at("items").as_array().size(), 0u);
}

TEST(Clients, MalformedPagingIsRefusedNeverA500) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  ASSERT_EQ(app.post("/api/v1/clients", person("A", "B"), t).status, 201);
  ASSERT_EQ(app.post("/api/v1/clients", person("C", "D"), t).status, 201);
  for (const char* q : {"limit=abc", "limit=100000", "limit=0", "limit=-1", "cursor=abc", "cursor=%FF%FE",
                        "cursor=djE6bm90LWEtdXVpZA", "limit=1&cursor=djIKY2FzZXMKeAoxMjM"}) {
    auto r = app.get(std::string("/api/v1/clients?") + q, t);
    EXPECT_TRUE(r.status == 400 || r.status == 422) << q << " -> " << r.status << " " << r.body;
  }
  // A users-list cursor is not a clients-list cursor.
  auto mt = app.login(app.manager_a);
  auto users = app.get("/api/v1/users?limit=1", mt);
  ASSERT_EQ(users.status, 200);
  auto foreign = app.get("/api/v1/clients?cursor=" + std::string(users.obj().at("nextCursor").as_string()), t);
  EXPECT_EQ(foreign.status, 422) << foreign.body;
}

TEST(Clients, AnotherCentresClientIsNotFoundForReadAndWrite) {
  TestApp app;
  auto ta = app.login(app.advisor_a);
  auto tb = app.login(app.advisor_b);
  auto mb = app.login(app.manager_b);
  auto mine = app.post("/api/v1/clients", person("Mine", "Alone"), ta);
  ASSERT_EQ(mine.status, 201);
  auto id = mine.str("id");
  EXPECT_EQ(app.get("/api/v1/clients/" + id, tb).status, 404);
  EXPECT_EQ(app.patch("/api/v1/clients/" + id, json::object{{"firstName", "Stolen"}}, tb).status, 404);
  EXPECT_EQ(app.call("DELETE", "/api/v1/clients/" + id, mb).status, 404);
  auto list_b = app.get("/api/v1/clients?q=alone", tb);
  EXPECT_TRUE(list_b.obj().at("items").as_array().empty());
  auto filtered = app.get("/api/v1/clients?centreId=" + app.centre_a, tb);
  EXPECT_TRUE(filtered.obj().at("items").as_array().empty());
  // A client created "in" another centre is refused, and nothing is stored there.
  auto sneaky =
      app.post("/api/v1/clients", json::object{{"firstName", "X"}, {"lastName", "Y"}, {"centreId", app.centre_a}}, tb);
  EXPECT_EQ(sneaky.status, 422);
  auto unchanged = app.get("/api/v1/clients/" + id, ta);
  EXPECT_EQ(unchanged.str("firstName"), "Mine");
  auto admin = app.login(app.admin);
  auto all = app.get("/api/v1/clients?q=x", admin);
  EXPECT_TRUE(all.obj().at("items").as_array().empty());
  EXPECT_EQ(audit_count(app, admin, id), 1);
}

TEST(Clients, DeleteIsSoftManagersOnly) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto m = app.login(app.manager_a);
  auto c = app.post("/api/v1/clients", person("Del", "Eted"), t);
  ASSERT_EQ(c.status, 201);
  auto id = c.str("id");
  EXPECT_EQ(app.call("DELETE", "/api/v1/clients/" + id, t).status, 403);
  auto gone = app.call("DELETE", "/api/v1/clients/" + id, m);
  ASSERT_EQ(gone.status, 200) << gone.body;
  EXPECT_EQ(app.get("/api/v1/clients/" + id, t).status, 404);
  EXPECT_EQ(app.call("DELETE", "/api/v1/clients/" + id, m).status, 404);
  EXPECT_EQ(audit_count(app, m, id), 2);
}

TEST(Clients, ConcurrentCreatesGetDistinctConsecutiveReferences) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto tb = app.login(app.advisor_b);
  constexpr int kEach = 16;
  std::vector<std::future<HttpResult>> calls;
  for (int i = 0; i < kEach; ++i) {
    calls.push_back(std::async(std::launch::async, [&, i] {
      return app.post("/api/v1/clients", person("Race", numbered("R", static_cast<std::size_t>(i))), t);
    }));
    calls.push_back(std::async(std::launch::async, [&, i] {
      return app.post("/api/v1/clients", person("Race", numbered("S", static_cast<std::size_t>(i))), tb);
    }));
  }
  std::set<std::string> refs_a, refs_b;
  for (auto& f : calls) {
    auto r = f.get();
    ASSERT_EQ(r.status, 201) << r.body;
    (r.str("centreId") == app.centre_a ? refs_a : refs_b).insert(r.str("reference"));
  }
  EXPECT_EQ(refs_a.size(), static_cast<std::size_t>(kEach));
  EXPECT_EQ(refs_b.size(), static_cast<std::size_t>(kEach));
  // Numbered 1..N in each centre: no gaps and no duplicates.
  EXPECT_NE(refs_a.begin()->find("-C-00001"), std::string::npos);
  EXPECT_NE(refs_a.rbegin()->find("-C-00016"), std::string::npos);
  EXPECT_NE(refs_b.rbegin()->find("-C-00016"), std::string::npos);
}

}  // namespace cma::testing::clients_itest

namespace cma::testing::clients_itest {

// A search tests each client's text in the list index and reads only the page's rows by key
// (SQLite's plan; PostgreSQL's depends on its statistics and visibility map, see docs/benchmarks.md).
TEST(Clients, SearchFiltersInTheListIndexAndReadsOnlyThePage) {
  if (using_postgres()) GTEST_SKIP() << "the plan checked here is SQLite's";
  store::SociDatabase db(new_database_url(), 1);
  db.migrate();
  std::string plan;
  for (const auto& line : db.explain(store::clients::sql::kSearchClientsInCentre, {"c", "%smi%", "", "", "51"}))
    plan.append(line).append("\n");
  SCOPED_TRACE(plan);
  EXPECT_NE(plan.find("USING COVERING INDEX clients_list_idx (centre_id=? AND status=?"), std::string::npos);
  EXPECT_NE(plan.find("USING INDEX sqlite_autoindex_clients_1 (id=?)"), std::string::npos);
}

}  // namespace cma::testing::clients_itest
