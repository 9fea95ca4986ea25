// Search across a centre's clients, cases and notes: ranked, with the field and a marked snippet,
// accents folded alike on both databases, the index kept in step with every change, and nothing
// from another centre.
#include <gtest/gtest.h>

#include <set>

#include "support/test_app.hpp"

namespace cma::testing::search_itest {
namespace json = boost::json;

namespace {
const json::array& items(const HttpResult& r) {
  return r.obj().at("items").as_array();
}
std::string marked(const json::value& item) {
  std::string out;
  for (const auto& p : item.at("snippet").as_array()) {
    auto text = std::string(p.at("text").as_string());
    out += p.at("match").as_bool() ? "[" + text + "]" : text;
  }
  return out;
}
}  // namespace

TEST(Search, ClientsCasesAndNotesRankedWithSnippets) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto client = app.post(
      "/api/v1/clients",
      json::object{
          {"firstName", "Siân"}, {"lastName", "Ó Briain"}, {"postcode", "CF37 1DB"}, {"email", "sian@example.org"}},
      t);
  ASSERT_EQ(client.status, 201) << client.body;
  auto other = app.post("/api/v1/clients", json::object{{"firstName", "Sid"}, {"lastName", "James"}}, t);
  auto kase = app.post("/api/v1/cases",
                       json::object{{"clientId", client.str("id")}, {"summary", "Bailiffs for council tax"}}, t);
  ASSERT_EQ(kase.status, 201) << kase.body;
  auto note = app.post("/api/v1/cases/" + kase.str("id") + "/notes",
                       json::object{{"type", "call"}, {"body", "Rang Siân about the bailiff letter from Capita"}}, t);
  ASSERT_EQ(note.status, 201);

  // Accents folded: "sian" finds Siân, as a name and in the note.
  auto r = app.get("/api/v1/search?q=sian", t);
  ASSERT_EQ(r.status, 200) << r.body;
  std::set<std::string> kinds;
  for (const auto& i : items(r)) kinds.insert(std::string(i.at("kind").as_string()));
  EXPECT_TRUE(kinds.count("client") && kinds.count("note")) << r.body;
  for (const auto& i : items(r)) {
    if (i.at("kind").as_string() == "note") {
      EXPECT_EQ(i.at("caseId").as_string(), kase.str("id"));
      EXPECT_EQ(marked(i), "Rang [Siân] about the bailiff letter from Capita");
    }
    if (i.at("kind").as_string() == "client" && i.at("field").as_string() == "name") {
      EXPECT_EQ(marked(i), "[Siân] Ó Briain");
    }
  }
  // Word starts, every word: "bail cap" finds the note only; a case by its reference or summary.
  auto both = app.get("/api/v1/search?q=bail%20cap", t);
  ASSERT_EQ(items(both).size(), 1u) << both.body;
  EXPECT_EQ(items(both)[0].at("id").as_string(), note.str("id"));
  auto by_ref = app.get("/api/v1/search?q=" + kase.str("reference"), t);
  ASSERT_FALSE(items(by_ref).empty()) << by_ref.body;
  EXPECT_EQ(items(by_ref)[0].at("kind").as_string(), "case");
  EXPECT_EQ(items(by_ref)[0].at("field").as_string(), "reference");
  auto postcode = app.get("/api/v1/search?q=cf37%201db&kind=client", t);
  ASSERT_EQ(items(postcode).size(), 1u) << postcode.body;
  EXPECT_EQ(items(postcode)[0].at("field").as_string(), "postcode");
  EXPECT_EQ(items(app.get("/api/v1/search?q=sid", t)).size(), 1u);  // not "Siân": words start with the query
  EXPECT_EQ(items(app.get("/api/v1/search?q=council&kind=note", t)).size(), 0u);

  // The index follows changes: a revised note, a renamed client, a deleted client.
  ASSERT_EQ(app.patch("/api/v1/cases/" + kase.str("id") + "/notes/" + note.str("id"),
                      json::object{{"body", "Spoke to the enforcement agent"}}, t)
                .status,
            200);
  EXPECT_EQ(items(app.get("/api/v1/search?q=capita", t)).size(), 0u);
  EXPECT_EQ(items(app.get("/api/v1/search?q=enforcement%20agent", t)).size(), 1u);
  ASSERT_EQ(app.patch("/api/v1/clients/" + other.str("id"), json::object{{"lastName", "Hawtrey"}}, t).status, 200);
  EXPECT_EQ(items(app.get("/api/v1/search?q=james", t)).size(), 0u);
  EXPECT_EQ(items(app.get("/api/v1/search?q=hawtrey", t)).size(), 1u);
  auto m = app.login(app.manager_a);
  ASSERT_EQ(app.call("DELETE", "/api/v1/clients/" + other.str("id"), m).status, 200);
  EXPECT_EQ(items(app.get("/api/v1/search?q=hawtrey", t)).size(), 0u);
}

// The order is the same on both databases: whole-word matches before words that only start with
// the query, then a reference or name before a note, then the most recently written first.
TEST(Search, WholeWordsThenFieldThenNewestFirst) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto smithers = app.post("/api/v1/clients", json::object{{"firstName", "Ann"}, {"lastName", "Smithers"}}, t);
  auto smith = app.post("/api/v1/clients", json::object{{"firstName", "Bob"}, {"lastName", "Smith"}}, t);
  ASSERT_EQ(smith.status, 201) << smith.body;
  auto kase = app.post("/api/v1/cases", json::object{{"clientId", smithers.str("id")}, {"summary", "Rent arrears"}}, t);
  ASSERT_EQ(kase.status, 201) << kase.body;
  auto note = [&](const char* body) {
    auto n = app.post("/api/v1/cases/" + kase.str("id") + "/notes", json::object{{"type", "call"}, {"body", body}}, t);
    EXPECT_EQ(n.status, 201) << n.body;
    return n.str("id");
  };
  auto fragments = note("The letter was in smithereens");
  auto first_call = note("Called Mr Smith at work");
  auto second_call = note("Mr Smith rang back");

  auto r = app.get("/api/v1/search?q=smith", t);
  ASSERT_EQ(r.status, 200) << r.body;
  std::vector<std::string> order;
  for (const auto& i : items(r)) order.push_back(std::string(i.at("id").as_string()));
  std::vector<std::string> expected{smith.str("id"), second_call, first_call, smithers.str("id"), fragments};
  EXPECT_EQ(order, expected) << r.body;

  // With two words, the match with both whole comes first, whatever the field.
  auto two = app.get("/api/v1/search?q=smith%20rang", t);
  ASSERT_EQ(items(two).size(), 1u) << two.body;
  auto mr = app.get("/api/v1/search?q=mr%20smith", t);
  ASSERT_EQ(items(mr).size(), 2u) << mr.body;
  EXPECT_EQ(items(mr)[0].at("id").as_string(), second_call);
}

TEST(Search, NothingCrossesCentresAndBadQueriesAreRefused) {
  TestApp app;
  auto a = app.login(app.advisor_a);
  auto b = app.login(app.advisor_b);
  ASSERT_EQ(app.post("/api/v1/clients", json::object{{"firstName", "Zebulon"}, {"lastName", "Quartermaine"}}, a).status,
            201);
  EXPECT_EQ(items(app.get("/api/v1/search?q=zebulon", a)).size(), 1u);
  EXPECT_EQ(items(app.get("/api/v1/search?q=zebulon", b)).size(), 0u);
  EXPECT_EQ(app.get("/api/v1/search?q=zebulon&centreId=" + app.centre_a, b).status, 422);
  auto admin = app.login(app.admin);
  EXPECT_EQ(app.get("/api/v1/search?q=zebulon", admin).status, 422);
  EXPECT_EQ(items(app.get("/api/v1/search?q=zebulon&centreId=" + app.centre_a, admin)).size(), 1u);
  for (const char* q : {"", "?q=", "?q=%20%2A%22", "?q=x&kind=user", "?q=x&limit=0", "?q=x&limit=51", "?q=x&limit=abc",
                        "?q=%22%29%20OR%201%3D1%20--", "?q=a%20NEAR%20b"}) {
    auto r = app.get(std::string("/api/v1/search") + q, a);
    EXPECT_TRUE(r.status == 200 || r.status == 422) << q << " " << r.status << " " << r.body;
    EXPECT_LT(r.status, 500) << q;
  }
  EXPECT_EQ(app.get("/api/v1/search?q=" + std::string(201, 'a'), a).status, 422);
  EXPECT_EQ(app.get("/api/v1/search?q=%ff%fe", a).status, 400);
}

}  // namespace cma::testing::search_itest
