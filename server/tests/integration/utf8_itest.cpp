// Bytes that are not UTF-8 never become 500s: paths and query values are refused at the edge with a
// 400 that does not echo them, header values that are stored are made valid and marked, JSON bodies
// with invalid text are refused by the parser, and no database connection is lost on the way.
#include <gtest/gtest.h>

#include "platform/utf8.hpp"
#include "support/test_app.hpp"

namespace cma::testing::utf8_itest {
namespace json = boost::json;

namespace {

const std::string kBadUserAgent = "\xff\xfe";
const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::string login_bytes(const Account& a, const std::string& password, const std::string& user_agent) {
  auto body = json::serialize(json::object{{"email", a.email}, {"password", password}});
  return "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nUser-Agent: " + user_agent +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string get_bytes(const std::string& target, const std::string& token) {
  return "GET " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n";
}

// A problem document that parses as JSON, is valid UTF-8 and does not carry the bytes it refused.
void expect_clean_problem(const HttpResult& r, int status) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  EXPECT_TRUE(platform::is_valid_utf8(r.body)) << r.body;
  ASSERT_TRUE(r.json.is_object()) << r.body;
  EXPECT_EQ(r.obj().at("status").as_int64(), status);
  EXPECT_EQ(r.body.find('\xff'), std::string::npos) << r.body;
}

// The audit entries about one user, as their manager sees them.
std::vector<json::object> audit_of(TestApp& app, const std::string& token, const std::string& user_id) {
  auto r = app.get("/api/v1/audit?entityId=" + user_id, token);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(platform::is_valid_utf8(r.body));
  std::vector<json::object> out;
  if (!r.json.is_object()) return out;
  for (const auto& e : r.obj().at("items").as_array()) out.push_back(e.as_object());
  return out;
}

std::string text(const json::object& o, const char* key) {
  return std::string(o.at(key).as_string());
}

}  // namespace

TEST(Utf8, LoginWithAUserAgentThatIsNotUtf8IsServedAndAuditedWithTheAgentMarked) {
  TestApp app({.workers = 1});
  auto right = raw_http_request(app.port(), login_bytes(app.advisor_a, app.advisor_a.password, kBadUserAgent));
  ASSERT_EQ(right.status, 200) << right.body;
  EXPECT_EQ(app.get("/api/v1/me", right.str("accessToken")).status, 200);
  auto wrong = raw_http_request(app.port(), login_bytes(app.advisor_a, "not-the-password-at-all", kBadUserAgent));
  EXPECT_EQ(wrong.status, 401) << wrong.body;

  auto manager = app.login(app.manager_a);
  int logins = 0, failures = 0;
  for (const auto& e : audit_of(app, manager, app.advisor_a.id)) {
    auto action = text(e, "action");
    if (action != "auth.login" && action != "auth.login_failed") continue;
    (action == "auth.login" ? logins : failures)++;
    EXPECT_EQ(text(e, "userAgent"), "[invalid UTF-8] " + kReplacement + kReplacement);
  }
  EXPECT_EQ(logins, 1);
  EXPECT_EQ(failures, 1);
  EXPECT_EQ(app.db().discarded_connections(), 0u);
}

TEST(Utf8, UserAgentsAreCutToAtMost512BytesAtACharacterBoundary) {
  TestApp app;
  std::string long_agent = "x";  // then 300 two-byte characters: byte 512 is the middle of one
  for (int i = 0; i < 300; ++i) long_agent += "\xC3\xA9";
  ASSERT_EQ(raw_http_request(app.port(), login_bytes(app.advisor_a, app.advisor_a.password, long_agent)).status, 200);
  ASSERT_EQ(raw_http_request(app.port(), login_bytes(app.advisor_a, app.advisor_a.password, long_agent + kBadUserAgent))
                .status,
            200);
  auto manager = app.login(app.manager_a);
  std::vector<std::string> agents;
  for (const auto& e : audit_of(app, manager, app.advisor_a.id))
    if (text(e, "action") == "auth.login") agents.push_back(text(e, "userAgent"));
  ASSERT_EQ(agents.size(), 2u);
  for (const auto& a : agents) {
    EXPECT_LE(a.size(), 512u);
    EXPECT_GE(a.size(), 510u);
    EXPECT_TRUE(platform::is_valid_utf8(a));
  }
  // Newest first: the marked one, whose mark survived the cut.
  EXPECT_EQ(agents[0].rfind("[invalid UTF-8] x\xC3\xA9", 0), 0u) << agents[0];
  EXPECT_EQ(agents[1], long_agent.substr(0, 511));
}

TEST(Utf8, BehindAProxyAForwardedForThatIsNotAnAddressIsIgnored) {
  TestApp app({.workers = 1, .trust_proxy = true});
  auto login_from = [&](const std::string& forwarded_for) {
    auto body = json::serialize(json::object{{"email", app.advisor_a.email}, {"password", app.advisor_a.password}});
    return raw_http_request(app.port(),
                            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: " + forwarded_for +
                                "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                                "\r\n\r\n" + body);
  };
  ASSERT_EQ(login_from("10.1.2.3, 203.0.113.9").status, 200);
  ASSERT_EQ(login_from("10.1.2.3, \xff\xfe").status, 200);
  ASSERT_EQ(login_from("not-an-address").status, 200);
  auto manager = app.login(app.manager_a);
  std::vector<std::string> ips;
  for (const auto& e : audit_of(app, manager, app.advisor_a.id))
    if (text(e, "action") == "auth.login") ips.push_back(text(e, "ip"));
  // Newest first.
  EXPECT_EQ(ips, (std::vector<std::string>{"127.0.0.1", "127.0.0.1", "203.0.113.9"}));
  EXPECT_EQ(app.db().discarded_connections(), 0u);
}

TEST(Utf8, QueryValuesAndNamesThatAreNotUtf8Are400NamingTheParameter) {
  TestApp app({.workers = 1});
  auto admin = app.login(app.admin);
  auto value = app.get("/api/v1/audit?entityType=%ff", admin);
  expect_clean_problem(value, 400);
  EXPECT_EQ(value.str("detail"), "The query parameter entityType is not valid UTF-8.");
  EXPECT_EQ(value.obj().at("errors").as_array()[0].as_object().at("field").as_string(), "entityType");
  // An overlong '/', an encoded surrogate (U+D800) and a sequence cut short.
  for (const char* bad : {"%c0%af", "%ed%a0%80", "abc%e2%82"}) {
    auto r = app.get(std::string("/api/v1/users?centreId=") + bad, admin);
    expect_clean_problem(r, 400);
    EXPECT_NE(r.str("detail").find("centreId"), std::string::npos) << r.body;
  }
  auto name = app.get("/api/v1/audit?%ff%fe=1", admin);
  expect_clean_problem(name, 400);
  EXPECT_NE(name.str("detail").find("query parameter name"), std::string::npos) << name.body;
  // Valid non-ASCII text still passes.
  EXPECT_EQ(app.get("/api/v1/audit?entityType=caf%C3%A9", admin).status, 200);
  EXPECT_EQ(app.db().discarded_connections(), 0u);
}

TEST(Utf8, PathsThatAreNotUtf8AreProblemsThatParseAsJson) {
  TestApp app({.workers = 1});
  auto admin = app.login(app.admin);
  auto unrouted = app.get("/api/v1/%ff", admin);
  expect_clean_problem(unrouted, 400);
  EXPECT_EQ(unrouted.obj().if_contains("instance"), nullptr);
  expect_clean_problem(app.get("/api/v1/users/%ff%fe", admin), 400);
  expect_clean_problem(app.get("/api/v1/centres/%ed%b0%80", admin), 400);
  // Raw (not percent-encoded) bytes are not a valid request target at all.
  expect_clean_problem(raw_http_request(app.port(), get_bytes("/api/v1/\xff", admin)), 400);

  // A valid non-ASCII path that matches no route: the 404 echoes it, as valid JSON.
  auto missing = app.get("/api/v1/caf%C3%A9", admin);
  EXPECT_EQ(missing.status, 404);
  ASSERT_TRUE(missing.json.is_object()) << missing.body;
  EXPECT_EQ(missing.str("detail"), "There is no route for /api/v1/caf\xC3\xA9.");
  auto wrong_method = app.call("DELETE", "/api/v1/me", admin);
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_TRUE(wrong_method.json.is_object()) << wrong_method.body;
  EXPECT_EQ(app.db().discarded_connections(), 0u);
}

TEST(Utf8, JsonBodiesWithTextThatIsNotUtf8AreRefusedBeforeAnyField) {
  TestApp app({.workers = 1});
  auto admin = app.login(app.admin);
  const std::vector<std::string> bodies = {
      "{\"name\": \"\xff\xfe\", \"code\": \"BAD\"}",
      "{\"name\": \"\xc0\xaf\", \"code\": \"BAD\"}",          // overlong
      "{\"name\": \"\xed\xa0\x80\", \"code\": \"BAD\"}",      // a surrogate, as bytes
      "{\"name\": \"\xf4\x90\x80\x80\", \"code\": \"BAD\"}",  // above U+10FFFF
      "{\"name\": \"x\xe2\x82\", \"code\": \"BAD\"}",         // cut short
      "{\"\xff\": \"x\", \"code\": \"BAD\"}",                 // in a key
      R"({"name": "\ud800", "code": "BAD"})",                 // lone surrogate escapes
      R"({"name": "\udc00x", "code": "BAD"})",
      R"({"name": "\ud800\u0041", "code": "BAD"})",
  };
  for (const auto& b : bodies) {
    auto r = app.call("POST", "/api/v1/centres", admin, b);
    expect_clean_problem(r, 400);
    EXPECT_EQ(r.str("title"), "Malformed JSON") << r.body;
  }
  auto named = app.call("POST", "/api/v1/centres", admin, bodies[0]);
  EXPECT_NE(named.str("detail").find("not valid UTF-8"), std::string::npos) << named.body;
  auto login = app.call("POST", "/api/v1/auth/login", "", "{\"email\": \"\xff\", \"password\": \"x\"}");
  expect_clean_problem(login, 400);
  // A proper surrogate pair is an ordinary character.
  auto pair = app.call("POST", "/api/v1/centres", admin, R"({"name": "Smile \ud83d\ude00", "code": "SML"})");
  ASSERT_EQ(pair.status, 201) << pair.body;
  EXPECT_EQ(pair.str("name"), "Smile \xF0\x9F\x98\x80");
  auto list = app.get("/api/v1/centres", admin);
  EXPECT_EQ(list.obj().at("items").as_array().size(), 3u);
  EXPECT_EQ(app.db().discarded_connections(), 0u);
}

TEST(Utf8, AfterInvalidInputEveryConnectionIsKeptAndRequestsStillWork) {
  TestApp app({.workers = 1});
  auto admin = app.login(app.admin);
  for (int i = 0; i < 3; ++i) {
    raw_http_request(app.port(), login_bytes(app.advisor_a, "not-the-password-at-all", kBadUserAgent));
    app.get("/api/v1/audit?entityType=%ff", admin);
    app.get("/api/v1/%ff", admin);
  }
  EXPECT_EQ(app.db().discarded_connections(), 0u);
  EXPECT_EQ(app.get("/health", "").status, 200);
  EXPECT_EQ(app.get("/api/v1/me", admin).status, 200);
  auto created = app.post("/api/v1/centres", json::object{{"name", "Caf\xC3\xA9 Advice"}, {"code", "CAF"}}, admin);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(app.get("/api/v1/centres/" + created.str("id"), admin).str("name"), "Caf\xC3\xA9 Advice");
  EXPECT_EQ(app.login_result(app.advisor_a.email, app.advisor_a.password).status, 200);
}

}  // namespace cma::testing::utf8_itest
