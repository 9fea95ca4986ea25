#include <gtest/gtest.h>

#include "platform/crypto.hpp"
#include "support/test_app.hpp"

namespace cma::testing::auth_itest {
namespace json = boost::json;

TEST(Auth, LoginGivesAnAccessTokenAndTheRefreshTokenOnlyInAStrictCookie) {
  TestApp app;
  auto r = app.login_result(app.advisor_a.email, app.advisor_a.password);
  ASSERT_EQ(r.status, 200) << r.body;
  auto access = r.str("accessToken");
  EXPECT_EQ(std::count(access.begin(), access.end(), '.'), 2);
  EXPECT_EQ(r.obj().at("expiresIn").as_int64(), 900);
  EXPECT_EQ(r.obj().at("refreshExpiresIn").as_int64(), 14 * 24 * 3600);
  // Not in the body, where a script could read it: only in the httpOnly cookie.
  EXPECT_EQ(r.obj().if_contains("refreshToken"), nullptr) << r.body;
  auto token = r.refresh_cookie();
  EXPECT_EQ(token.size(), 43u);  // 32 random bytes, base64url
  EXPECT_EQ(r.body.find(token), std::string::npos);
  auto cookie = r.header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/api/v1/auth"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain HTTP here

  auto me = app.get("/api/v1/me", r.str("accessToken"));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.str("email"), app.advisor_a.email);
  EXPECT_EQ(me.str("role"), "advisor");
  EXPECT_EQ(me.str("centreId"), app.centre_a);
  EXPECT_EQ(me.obj().if_contains("passwordHash"), nullptr);
}

TEST(Auth, SecureCookieBehindTlsProxyOnlyWhenTrusted) {
  TestApp app;
  auto r = app.login_result(app.advisor_a.email, app.advisor_a.password, {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(r.status, 200);
  // The test server does not trust proxies, so a client cannot claim TLS by itself.
  EXPECT_EQ(r.header("set-cookie").find("Secure"), std::string::npos);

  TestApp proxied({.trust_proxy = true});
  auto tls =
      proxied.login_result(proxied.advisor_a.email, proxied.advisor_a.password, {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(tls.status, 200);
  EXPECT_NE(tls.header("set-cookie").find("; Secure"), std::string::npos) << tls.header("set-cookie");
  auto rotated = proxied.call("POST", "/api/v1/auth/refresh", "", "",
                              {{"Cookie", "cma_refresh=" + tls.refresh_cookie()}, {"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(rotated.status, 200) << rotated.body;
  EXPECT_NE(rotated.header("set-cookie").find("; Secure"), std::string::npos);
}

TEST(Auth, WrongEmailAndWrongPasswordAnswerAlike) {
  TestApp app;
  auto wrong_password = app.login_result(app.advisor_a.email, "not-the-password-at-all");
  auto wrong_email = app.login_result("nobody@a.test", "not-the-password-at-all");
  EXPECT_EQ(wrong_password.status, 401);
  EXPECT_EQ(wrong_email.status, 401);
  EXPECT_EQ(wrong_password.str("detail"), wrong_email.str("detail"));
  EXPECT_EQ(wrong_password.str("type"), wrong_email.str("type"));
  EXPECT_EQ(wrong_password.header("content-type"), "application/problem+json");
}

TEST(Auth, MissingFieldsAreValidationErrors) {
  TestApp app;
  auto r = app.post("/api/v1/auth/login", json::object{{"email", ""}});
  ASSERT_EQ(r.status, 422) << r.body;
  auto& errors = r.obj().at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].as_object().at("field").as_string(), "email");
  EXPECT_EQ(errors[1].as_object().at("field").as_string(), "password");
  auto typed = app.post("/api/v1/auth/login", json::object{{"email", 5}, {"password", "x"}});
  EXPECT_EQ(typed.status, 422);
}

TEST(Auth, RefreshRotatesAndReuseRevokesTheWholeFamily) {
  TestApp app;
  auto first = app.login_result(app.advisor_a.email, app.advisor_a.password);
  auto r1 = first.refresh_cookie();
  auto second = app.refresh(r1);
  ASSERT_EQ(second.status, 200) << second.body;
  auto r2 = second.refresh_cookie();
  EXPECT_FALSE(r2.empty());
  EXPECT_NE(r1, r2);
  EXPECT_EQ(app.get("/api/v1/me", second.str("accessToken")).status, 200);

  // r1 again: someone replayed a spent token, so every token of the family dies, r2 included.
  auto replay = app.refresh(r1);
  EXPECT_EQ(replay.status, 401);
  auto after = app.refresh(r2);
  EXPECT_EQ(after.status, 401) << after.body;

  auto manager = app.login(app.manager_a);
  auto audit = app.get("/api/v1/audit?entityId=" + app.advisor_a.id, manager);
  std::multiset<std::string> actions;
  for (const auto& e : audit.obj().at("items").as_array())
    actions.insert(std::string(e.as_object().at("action").as_string()));
  EXPECT_EQ(actions.count("auth.refresh"), 1u) << audit.body;
  EXPECT_EQ(actions.count("auth.refresh_reuse"), 1u) << audit.body;

  // A separate login is a separate family and still works.
  auto other = app.login_result(app.advisor_a.email, app.advisor_a.password);
  EXPECT_EQ(app.refresh(other.refresh_cookie()).status, 200);
}

TEST(Auth, RefreshAndLogoutTakeTheTokenOnlyFromTheCookie) {
  TestApp app;
  auto first = app.login_result(app.advisor_a.email, app.advisor_a.password);
  auto token = first.refresh_cookie();
  // A token in the body is refused as a field these requests do not accept, and is not spent.
  for (const char* path : {"/api/v1/auth/refresh", "/api/v1/auth/logout"}) {
    auto in_body = app.post(path, json::object{{"refreshToken", token}});
    ASSERT_EQ(in_body.status, 422) << in_body.body;
    auto& error = in_body.obj().at("errors").as_array()[0].as_object();
    EXPECT_EQ(error.at("field").as_string(), "refreshToken");
    EXPECT_NE(std::string(error.at("message").as_string()).find("cma_refresh cookie"), std::string::npos);
  }
  EXPECT_EQ(app.post("/api/v1/auth/refresh", json::object{{"other", 1}}).status, 422);
  auto r = app.call("POST", "/api/v1/auth/refresh", "", "", {{"Cookie", "other=1; cma_refresh=" + token}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.obj().if_contains("refreshToken"), nullptr) << r.body;
  EXPECT_FALSE(r.refresh_cookie().empty());
  EXPECT_NE(r.refresh_cookie(), token);
  // An empty JSON body is still fine; no cookie is no token.
  EXPECT_EQ(
      app.call("POST", "/api/v1/auth/refresh", "", "{}", {{"Cookie", "cma_refresh=" + r.refresh_cookie()}}).status,
      200);
  EXPECT_EQ(app.call("POST", "/api/v1/auth/refresh").status, 401);
}

TEST(Auth, LogoutEndsTheSession) {
  TestApp app;
  auto first = app.login_result(app.advisor_a.email, app.advisor_a.password);
  auto out = app.logout(first.refresh_cookie());
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("set-cookie").find("cma_refresh=; Path=/api/v1/auth"), std::string::npos);
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(app.refresh(first.refresh_cookie()).status, 401);
}

TEST(Auth, DeactivatedUsersTokensStopWorkingAtOnce) {
  TestApp app;
  auto session = app.login_result(app.advisor_a.email, app.advisor_a.password);
  auto token = session.str("accessToken");
  ASSERT_EQ(app.get("/api/v1/me", token).status, 200);
  auto manager = app.login(app.manager_a);
  ASSERT_EQ(app.post("/api/v1/users/" + app.advisor_a.id + "/deactivate", json::object{}, manager).status, 200);
  EXPECT_EQ(app.get("/api/v1/me", token).status, 401);
  EXPECT_EQ(app.refresh(session.refresh_cookie()).status, 401);
  EXPECT_EQ(app.login_result(app.advisor_a.email, app.advisor_a.password).status, 401);
  ASSERT_EQ(app.post("/api/v1/users/" + app.advisor_a.id + "/reactivate", json::object{}, manager).status, 200);
  EXPECT_EQ(app.login_result(app.advisor_a.email, app.advisor_a.password).status, 200);
}

TEST(Auth, AccessTokensExpireAfterFifteenMinutes) {
  TestApp app;
  auto token = app.login(app.advisor_a);
  app.clock().advance(std::chrono::minutes(14));
  EXPECT_EQ(app.get("/api/v1/me", token).status, 200);
  app.clock().advance(std::chrono::minutes(1));
  EXPECT_EQ(app.get("/api/v1/me", token).status, 401);
}

TEST(Auth, ForgedOrMangledTokensAreRejected) {
  TestApp app;
  auto token = app.login(app.advisor_a);
  auto dot = token.rfind('.');
  EXPECT_EQ(app.get("/api/v1/me", token.substr(0, dot) + ".AAAA").status, 401);
  // "alg":"none" with the same claims
  auto first_dot = token.find('.');
  auto none =
      platform::base64url_encode(R"({"alg":"none","typ":"JWT"})") + token.substr(first_dot, dot - first_dot) + ".";
  EXPECT_EQ(app.get("/api/v1/me", none).status, 401);
  EXPECT_EQ(app.get("/api/v1/me", "garbage").status, 401);
  EXPECT_EQ(app.call("GET", "/api/v1/me", "", "", {{"Authorization", "Basic abc"}}).status, 401);
  EXPECT_EQ(app.get("/api/v1/me", "").status, 401);
}

TEST(Auth, ChangePasswordChecksTheOldOneAndEndsOtherSessions) {
  TestApp app;
  auto session = app.login_result(app.trainee_a.email, app.trainee_a.password);
  auto token = session.str("accessToken");
  auto wrong =
      app.post("/api/v1/me/password",
               json::object{{"currentPassword", "nope-nope-nope"}, {"newPassword", "a brand new passphrase"}}, token);
  EXPECT_EQ(wrong.status, 422);
  auto weak = app.post("/api/v1/me/password",
                       json::object{{"currentPassword", app.trainee_a.password}, {"newPassword", "short"}}, token);
  ASSERT_EQ(weak.status, 422);
  EXPECT_EQ(weak.obj().at("errors").as_array()[0].as_object().at("field").as_string(), "newPassword");
  auto ok = app.post(
      "/api/v1/me/password",
      json::object{{"currentPassword", app.trainee_a.password}, {"newPassword", "a brand new passphrase"}}, token);
  ASSERT_EQ(ok.status, 204) << ok.body;
  EXPECT_EQ(app.login_result(app.trainee_a.email, app.trainee_a.password).status, 401);
  EXPECT_EQ(app.login_result(app.trainee_a.email, "a brand new passphrase").status, 200);
  EXPECT_EQ(app.refresh(session.refresh_cookie()).status, 401);
}

}  // namespace cma::testing::auth_itest
