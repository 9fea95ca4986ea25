// Notes: typed notes with revisions, pinning, who may revise, concurrent revisions, and that no
// centre reaches another's notes.
#include <gtest/gtest.h>

#include <future>
#include <set>

#include "support/test_app.hpp"

namespace cma::testing::notes_itest {
namespace json = boost::json;

namespace {
std::string open_case(TestApp& app, const std::string& token) {
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "Note"}, {"lastName", "Taker"}}, token);
  EXPECT_EQ(client.status, 201) << client.body;
  auto c = app.post("/api/v1/cases", json::object{{"clientId", client.str("id")}}, token);
  EXPECT_EQ(c.status, 201) << c.body;
  return c.str("id");
}
json::object note(const char* type, const char* body) {
  return json::object{{"type", type}, {"body", body}};
}
const json::array& items(const HttpResult& r) {
  return r.obj().at("items").as_array();
}
std::string text(const json::value& v, const char* key) {
  return std::string(v.at(key).as_string());
}
}  // namespace

TEST(Notes, AddReviseAndReadTheHistory) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto base = "/api/v1/cases/" + open_case(app, t) + "/notes";
  auto n = app.post(base, note("call", "  Client rang about the summons.\nHearing on 14 January.  "), t);
  ASSERT_EQ(n.status, 201) << n.body;
  EXPECT_EQ(n.str("body"), "Client rang about the summons.\nHearing on 14 January.");
  EXPECT_EQ(n.obj().at("revision").as_int64(), 1);
  EXPECT_EQ(n.str("authorId"), app.advisor_a.id);
  EXPECT_EQ(n.str("editedBy"), app.advisor_a.id);
  auto path = base + "/" + n.str("id");

  auto revised = app.patch(path, json::object{{"body", "Hearing moved to 21 January."}, {"type", "letter"}}, t);
  ASSERT_EQ(revised.status, 200) << revised.body;
  EXPECT_EQ(revised.obj().at("revision").as_int64(), 2);
  EXPECT_EQ(revised.str("type"), "letter");
  EXPECT_EQ(app.get(path, t).str("body"), "Hearing moved to 21 January.");
  // The same values again: no new revision, no audit entry.
  EXPECT_EQ(app.patch(path, json::object{{"body", "Hearing moved to 21 January."}}, t).obj().at("revision").as_int64(),
            2);

  auto history = app.get(path + "/revisions", t);
  ASSERT_EQ(history.status, 200) << history.body;
  ASSERT_EQ(items(history).size(), 2u);
  EXPECT_EQ(text(items(history)[0], "body"), "Client rang about the summons.\nHearing on 14 January.");
  EXPECT_EQ(text(items(history)[0], "type"), "call");
  EXPECT_EQ(text(items(history)[1], "body"), "Hearing moved to 21 January.");
  EXPECT_EQ(items(history)[1].at("revision").as_int64(), 2);

  // Paging through the history one revision at a time.
  auto first = app.get(path + "/revisions?limit=1", t);
  ASSERT_EQ(items(first).size(), 1u);
  auto cursor = std::string(first.obj().at("nextCursor").as_string());
  auto second = app.get(path + "/revisions?limit=1&cursor=" + cursor, t);
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(items(second)[0].at("revision").as_int64(), 2);
  EXPECT_TRUE(second.obj().at("nextCursor").is_null());

  // The audit trail records that the text changed, never the words.
  auto m = app.login(app.manager_a);
  auto audit = app.get("/api/v1/audit?entityType=note&entityId=" + n.str("id"), m);
  ASSERT_EQ(audit.status, 200) << audit.body;
  ASSERT_EQ(items(audit).size(), 2u) << audit.body;
  EXPECT_EQ(audit.body.find("summons"), std::string::npos);
  EXPECT_EQ(audit.body.find("21 January"), std::string::npos);
  EXPECT_NE(audit.body.find("note.revise"), std::string::npos);
  EXPECT_NE(audit.body.find("[redacted]"), std::string::npos);
}

TEST(Notes, PinnedFirstThenNewestAndFilters) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto base = "/api/v1/cases/" + open_case(app, t) + "/notes";
  std::vector<std::string> ids;
  const char* types[] = {"call", "meeting", "letter", "email", "internal"};
  for (int i = 0; i < 5; ++i) {
    app.clock().advance(std::chrono::seconds(1));
    auto r = app.post(base, note(types[i], "note"), t);
    ASSERT_EQ(r.status, 201) << r.body;
    ids.push_back(r.str("id"));
  }
  ASSERT_EQ(app.patch(base + "/" + ids[1], json::object{{"pinned", true}}, t).status, 200);
  std::vector<std::string> order;
  std::string cursor;
  for (int page = 0; page < 5; ++page) {
    auto r = app.get(base + "?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor), t);
    ASSERT_EQ(r.status, 200) << r.body;
    for (const auto& i : items(r)) order.push_back(text(i, "id"));
    if (r.obj().at("nextCursor").is_null()) break;
    cursor = std::string(r.obj().at("nextCursor").as_string());
  }
  EXPECT_EQ(order, (std::vector<std::string>{ids[1], ids[4], ids[3], ids[2], ids[0]}));
  auto pinned = app.get(base + "?pinned=true", t);
  ASSERT_EQ(items(pinned).size(), 1u);
  EXPECT_EQ(text(items(pinned)[0], "id"), ids[1]);
  auto letters = app.get(base + "?type=letter", t);
  ASSERT_EQ(items(letters).size(), 1u);
  EXPECT_EQ(text(items(letters)[0], "id"), ids[2]);
}

TEST(Notes, WhoMayWriteAndReviseThem) {
  TestApp app;
  auto adviser = app.login(app.advisor_a);
  auto trainee = app.login(app.trainee_a);
  auto manager = app.login(app.manager_a);
  auto base = "/api/v1/cases/" + open_case(app, adviser) + "/notes";
  // Trainees record calls too, and revise their own notes but nobody else's.
  auto by_trainee = app.post(base, note("call", "trainee's note"), trainee);
  ASSERT_EQ(by_trainee.status, 201) << by_trainee.body;
  EXPECT_EQ(app.patch(base + "/" + by_trainee.str("id"), json::object{{"body", "corrected"}}, trainee).status, 200);
  EXPECT_EQ(app.patch(base + "/" + by_trainee.str("id"), json::object{{"body", "by adviser"}}, adviser).status, 403);
  // The manager's note: the adviser may pin it but not change its words.
  auto n = app.post(base, note("internal", "Check the council tax band."), manager);
  ASSERT_EQ(n.status, 201) << n.body;
  auto path = base + "/" + n.str("id");
  EXPECT_EQ(app.patch(path, json::object{{"body", "Rewritten"}}, adviser).status, 403);
  EXPECT_EQ(app.patch(path, json::object{{"type", "call"}}, adviser).status, 403);
  EXPECT_EQ(app.patch(path, json::object{{"pinned", true}}, adviser).obj().at("pinned").as_bool(), true);
  EXPECT_EQ(app.get(path, adviser).str("body"), "Check the council tax band.");
  // The manager corrects the adviser's note; the revision says who.
  auto own = app.post(base, note("call", "Spoke to client"), adviser);
  auto corrected = app.patch(base + "/" + own.str("id"), json::object{{"body", "Spoke to client's son"}}, manager);
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_EQ(corrected.str("authorId"), app.advisor_a.id);
  EXPECT_EQ(corrected.str("editedBy"), app.manager_a.id);
}

TEST(Notes, BadInputIsRefusedAndChangesNothing) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  auto base = "/api/v1/cases/" + case_id + "/notes";
  EXPECT_EQ(app.post(base, note("fax", "x"), t).status, 422);
  EXPECT_EQ(app.post(base, note("call", "   "), t).status, 422);
  EXPECT_EQ(app.post(base, json::object{{"type", "call"}}, t).status, 422);
  EXPECT_EQ(app.post(base, json::object{{"type", "call"}, {"body", "x"}, {"colour", "red"}}, t).status, 422);
  EXPECT_EQ(app.post(base, json::object{{"type", "call"}, {"body", 42}}, t).status, 422);
  EXPECT_EQ(app.post(base, note("call", std::string(20001, 'a').c_str()), t).status, 422);
  EXPECT_EQ(app.call("POST", base, t, "{\"type\":\"call\",\"body\":\"\xff\xfe\"}").status, 400);
  EXPECT_EQ(items(app.get(base, t)).size(), 0u);
  for (const char* q : {"?limit=abc", "?limit=100000", "?limit=0", "?cursor=forged", "?type=fax", "?pinned=yes",
                        "?cursor=djIKbm90ZXMKMnwKMDE5MGQ2YTQtN2E0ZS03YzNlLTlmMGEtNGIyZDFlNmM4YTEx"}) {
    auto r = app.get(base + q, t);
    EXPECT_TRUE(r.status == 400 || r.status == 422) << q << " " << r.status << " " << r.body;
  }
  // A cursor of another list is not a notes cursor.
  auto n = app.post(base, note("call", "x"), t);
  auto other = app.get("/api/v1/cases/" + case_id + "/notes/" + n.str("id") + "/revisions?limit=1", t);
  EXPECT_EQ(app.get(base + "/" + n.str("id") + "/revisions?cursor=djEKZm9v", t).status, 422);
  EXPECT_EQ(app.patch(base + "/" + n.str("id"), json::object{{"body", ""}}, t).status, 422);
  EXPECT_EQ(app.get(base + "/" + n.str("id"), t).obj().at("revision").as_int64(), 1);
  (void)other;
}

TEST(Notes, AnotherCentresOrAnotherCasesNoteIsNotFound) {
  TestApp app;
  auto a = app.login(app.advisor_a);
  auto b = app.login(app.advisor_b);
  auto case_a = open_case(app, a);
  auto other_case_a = open_case(app, a);
  auto case_b = open_case(app, b);
  auto n = app.post("/api/v1/cases/" + case_a + "/notes", note("call", "private"), a);
  ASSERT_EQ(n.status, 201);
  auto path = "/api/v1/cases/" + case_a + "/notes/" + n.str("id");
  EXPECT_EQ(app.get(path, b).status, 404);
  EXPECT_EQ(app.get(path + "/revisions", b).status, 404);
  EXPECT_EQ(app.patch(path, json::object{{"body", "changed by B"}}, b).status, 404);
  EXPECT_EQ(app.patch(path, json::object{{"pinned", true}}, b).status, 404);
  EXPECT_EQ(app.get("/api/v1/cases/" + case_a + "/notes", b).status, 404);
  EXPECT_EQ(app.post("/api/v1/cases/" + case_a + "/notes", note("call", "from B"), b).status, 404);
  // Nested paths: B's own case with A's note id, and A's other case with the note's id.
  EXPECT_EQ(app.get("/api/v1/cases/" + case_b + "/notes/" + n.str("id"), b).status, 404);
  EXPECT_EQ(app.patch("/api/v1/cases/" + case_b + "/notes/" + n.str("id"), json::object{{"body", "x"}}, b).status, 404);
  EXPECT_EQ(app.get("/api/v1/cases/" + other_case_a + "/notes/" + n.str("id"), a).status, 404);
  EXPECT_EQ(app.get(path, a).str("body"), "private");
  EXPECT_EQ(app.get(path, a).obj().at("pinned").as_bool(), false);
  EXPECT_EQ(items(app.get("/api/v1/cases/" + case_b + "/notes", b)).size(), 0u);
}

TEST(Notes, ConcurrentRevisionsAreNumberedInTurnAndNoneIsLost) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto base = "/api/v1/cases/" + open_case(app, t) + "/notes";
  auto n = app.post(base, note("call", "start"), t);
  auto path = base + "/" + n.str("id");
  constexpr int kCalls = 16;
  std::vector<std::future<HttpResult>> calls;
  for (int i = 0; i < kCalls; ++i)
    calls.push_back(std::async(std::launch::async, [&, i] {
      return app.patch(path, json::object{{"body", "edit " + std::to_string(i)}}, t);
    }));
  std::set<long long> numbers;
  for (auto& f : calls) {
    auto r = f.get();
    ASSERT_EQ(r.status, 200) << r.body;
    numbers.insert(r.obj().at("revision").as_int64());
  }
  EXPECT_EQ(numbers.size(), static_cast<std::size_t>(kCalls));
  EXPECT_EQ(*numbers.begin(), 2);
  EXPECT_EQ(*numbers.rbegin(), kCalls + 1);
  auto history = app.get(path + "/revisions?limit=100", t);
  ASSERT_EQ(items(history).size(), static_cast<std::size_t>(kCalls + 1));
  std::set<std::string> bodies;
  for (const auto& r : items(history)) bodies.insert(text(r, "body"));
  EXPECT_EQ(bodies.size(), static_cast<std::size_t>(kCalls + 1));
  EXPECT_EQ(app.get(path, t).str("body"), text(items(history).back(), "body"));
}

}  // namespace cma::testing::notes_itest
