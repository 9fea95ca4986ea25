#include <gtest/gtest.h>

#include "domain/audit/audit_entry.hpp"
#include "domain/identity/login_throttle.hpp"
#include "domain/identity/role.hpp"
#include "domain/identity/validation.hpp"

namespace cma::domain {

TEST(Roles, ParseAndPrintRoundTrip) {
  for (auto r : {Role::admin, Role::manager, Role::advisor, Role::trainee}) EXPECT_EQ(parse_role(to_string(r)), r);
  EXPECT_FALSE(parse_role("root"));
  EXPECT_FALSE(parse_role("Admin"));
}

TEST(Permissions, MatrixMatchesTheDocumentedTable) {
  EXPECT_TRUE(is_allowed(Role::admin, Permission::centres_create));
  EXPECT_FALSE(is_allowed(Role::manager, Permission::centres_create));
  EXPECT_TRUE(is_allowed(Role::manager, Permission::users_create));
  EXPECT_FALSE(is_allowed(Role::advisor, Permission::users_create));
  EXPECT_FALSE(is_allowed(Role::trainee, Permission::audit_read));
  EXPECT_TRUE(is_allowed(Role::manager, Permission::audit_read));
  EXPECT_TRUE(is_allowed(Role::trainee, Permission::self_change_password));
  EXPECT_TRUE(may_manage_role(Role::manager, Role::advisor));
  EXPECT_FALSE(may_manage_role(Role::manager, Role::admin));
  EXPECT_FALSE(may_manage_role(Role::advisor, Role::trainee));
  EXPECT_TRUE(is_network_wide(Role::admin));
  EXPECT_FALSE(is_network_wide(Role::manager));
}

TEST(Validation, Passwords) {
  EXPECT_TRUE(check_password("short"));
  EXPECT_TRUE(check_password("elevenchars"));
  EXPECT_FALSE(check_password("twelve chars"));
  // Twelve characters of which several are multi-byte still count as twelve.
  EXPECT_FALSE(check_password("ééééééééééé1"));
  EXPECT_TRUE(check_password(std::string(300, 'a')));
}

TEST(Validation, Emails) {
  EXPECT_EQ(normalize_email("  Ada@Example.ORG "), "ada@example.org");
  EXPECT_FALSE(check_email("ada@example.org"));
  EXPECT_TRUE(check_email(""));
  EXPECT_TRUE(check_email("ada"));
  EXPECT_TRUE(check_email("ada@"));
  EXPECT_TRUE(check_email("@example.org"));
  EXPECT_TRUE(check_email("ada@example"));
  EXPECT_TRUE(check_email("a b@example.org"));
  EXPECT_TRUE(check_email("a@b@example.org"));
}

TEST(Validation, CentreCodesAndText) {
  EXPECT_FALSE(check_centre_code("MAN"));
  EXPECT_FALSE(check_centre_code("LDS2"));
  EXPECT_TRUE(check_centre_code("m"));
  EXPECT_TRUE(check_centre_code("man"));
  EXPECT_TRUE(check_centre_code("TOOLONGCODE1"));
  EXPECT_TRUE(check_text("   ", 10));
  EXPECT_FALSE(check_text("   ", 10, false));
  EXPECT_TRUE(check_text("abc\x01", 10));
  EXPECT_TRUE(check_text("abcdefghijk", 10));
}

TEST(AuditContent, EveryFieldChangesTheBytes) {
  AuditEntry e{
      "id", "chain", 3, "2026-01-01T00:00:00.000000Z", "actor", "user.create", "user", "u1", "{}", "rid", "127.0.0.1",
      "ua", "prev",  ""};
  auto base = canonical_content(e);
  auto changed = [&](auto mutate) {
    AuditEntry copy = e;
    mutate(copy);
    return canonical_content(copy) != base;
  };
  EXPECT_TRUE(changed([](AuditEntry& x) { x.seq = 4; }));
  EXPECT_TRUE(changed([](AuditEntry& x) { x.changes = "{\"a\":1}"; }));
  EXPECT_TRUE(changed([](AuditEntry& x) { x.prev_hash = "other"; }));
  EXPECT_TRUE(changed([](AuditEntry& x) { x.ip = "10.0.0.1"; }));
  // Moving a character between neighbouring fields changes the bytes too.
  EXPECT_TRUE(changed([](AuditEntry& x) {
    x.entity_type = "use";
    x.entity_id = "ru1";
  }));
  EXPECT_FALSE(changed([](AuditEntry& x) { x.hash = "ignored"; }));
}

namespace {
Instant at_seconds(int s) {
  return Instant(std::chrono::seconds(1'800'000'000 + s));
}
}  // namespace

TEST(LoginThrottle, AccountDelayDoublesFromTheThresholdUpToTheCap) {
  DelayRule rule{10, std::chrono::hours(1), std::chrono::seconds(1), std::chrono::seconds(60)};
  EXPECT_EQ(account_delay(rule, 0).count(), 0);
  EXPECT_EQ(account_delay(rule, 10).count(), 0);
  EXPECT_EQ(account_delay(rule, 11).count(), 1);
  EXPECT_EQ(account_delay(rule, 12).count(), 2);
  EXPECT_EQ(account_delay(rule, 16).count(), 32);
  EXPECT_EQ(account_delay(rule, 17).count(), 60);
  EXPECT_EQ(account_delay(rule, 1'000'000).count(), 60);
}

TEST(LoginThrottle, TheAccountAtOneAddressIsRefusedAtTheLimitUntilTheWindowEnds) {
  LoginThrottlePolicy p;
  ThrottleCounters c;
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(check_attempt(p, c, at_seconds(i)).allowed);
    c = count_attempt(p, c, at_seconds(i));
  }
  auto refused = check_attempt(p, c, at_seconds(10));
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 15 * 60 - 10);
  EXPECT_TRUE(check_attempt(p, c, at_seconds(15 * 60)).allowed);
  // A new window starts counting from one.
  c = count_attempt(p, c, at_seconds(15 * 60));
  EXPECT_EQ(c.account_at_address.failures, 1);
}

TEST(LoginThrottle, ARightPasswordGivesBackItsAttemptAndEndsTheDelay) {
  LoginThrottlePolicy p;
  ThrottleCounters c;
  for (int i = 0; i < 12; ++i) c = count_attempt(p, c, at_seconds(0));
  EXPECT_FALSE(check_attempt(p, c, at_seconds(0)).allowed);
  c = forgive_attempt(p, c, at_seconds(0));
  EXPECT_EQ(c.account_at_address.failures, 0);
  EXPECT_EQ(c.account.failures, 11);
  EXPECT_EQ(c.address.failures, 11);
  EXPECT_TRUE(check_attempt(p, c, at_seconds(0)).allowed);
}

TEST(LoginThrottle, RefusalsWaitForTheLongestOfTheLimitsThatApply) {
  LoginThrottlePolicy p;
  p.address = {3, std::chrono::minutes(30)};
  ThrottleCounters c;
  for (int i = 0; i < 3; ++i) c = count_attempt(p, c, at_seconds(0));
  auto d = check_attempt(p, c, at_seconds(60));
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.retry_after_seconds, 30 * 60 - 60);
}

}  // namespace cma::domain
