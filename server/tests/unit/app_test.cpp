#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <type_traits>

#include "app/audit/audit_log.hpp"
#include "app/audit/ports.hpp"
#include "app/auth/access_token.hpp"
#include "app/authorization.hpp"
#include "app/dashboard/cache.hpp"
#include "app/identity/records.hpp"
#include "app/lookup.hpp"
#include "app/paging.hpp"
#include "app/tenancy.hpp"
#include "app/unit_of_work.hpp"
#include "platform/crypto.hpp"

namespace cma::app {

namespace {
platform::TimePoint at(std::int64_t seconds) {
  return platform::TimePoint(std::chrono::seconds(seconds));
}
}  // namespace

TEST(AccessToken, IssuedTokensVerifyUntilTheyExpire) {
  AccessTokenCodec codec(std::string(40, 'k'), std::chrono::minutes(15));
  AccessClaims c{"u1", "c1", domain::Role::manager, 1000, 1900, "j1"};
  auto token = codec.issue(c);
  auto back = codec.verify(token, at(1899));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->user_id, "u1");
  EXPECT_EQ(back->centre_id, "c1");
  EXPECT_EQ(back->role, domain::Role::manager);
  EXPECT_FALSE(codec.verify(token, at(1900)));
  AccessTokenCodec other(std::string(40, 'o'), std::chrono::minutes(15));
  EXPECT_FALSE(other.verify(token, at(1000)));
}

TEST(AccessToken, TamperedPayloadsFail) {
  AccessTokenCodec codec(std::string(40, 'k'), std::chrono::minutes(15));
  auto token = codec.issue({"u1", "c1", domain::Role::trainee, 1000, 1900, "j1"});
  auto d1 = token.find('.'), d2 = token.rfind('.');
  auto forged_payload =
      platform::base64url_encode(R"({"sub":"u1","centre":"c1","role":"admin","iat":1000,"exp":1900,"jti":"j1"})");
  EXPECT_FALSE(codec.verify(token.substr(0, d1 + 1) + forged_payload + token.substr(d2), at(1000)));
  EXPECT_FALSE(codec.verify(token + "x", at(1000)));
  EXPECT_FALSE(codec.verify(token.substr(0, d2), at(1000)));
  EXPECT_FALSE(codec.verify("a.b.c.d", at(1000)));
}

// Only the exact header the codec issues is accepted. Each token below carries a valid HS256
// signature made with the right secret, so nothing but the header check can refuse it.
TEST(AccessToken, OnlyTheIssuedHeaderIsAcceptedEvenWithAValidSignature) {
  const std::string secret(40, 'k');
  AccessTokenCodec codec(secret, std::chrono::minutes(15));
  auto issued = codec.issue({"u1", "c1", domain::Role::admin, 1000, 1900, "j1"});
  auto payload = issued.substr(issued.find('.') + 1, issued.rfind('.') - issued.find('.') - 1);
  auto signed_with = [&](const std::string& header_json) {
    std::string input = platform::base64url_encode(header_json) + "." + payload;
    return input + "." + platform::base64url_encode(platform::hmac_sha256(secret, input));
  };
  // The control: the codec's own header, re-signed here, verifies.
  ASSERT_TRUE(codec.verify(signed_with(R"({"alg":"HS256","typ":"JWT"})"), at(1000)));
  for (const char* header : {
           R"({"alg":"none","typ":"JWT"})",
           R"({"alg":"None","typ":"JWT"})",
           R"({"alg":"HS512","typ":"JWT"})",
           R"({"alg":"RS256","typ":"JWT"})",
           R"({"alg":"hs256","typ":"JWT"})",
           R"({"alg":"HS256"})",
           R"({"alg":"HS256","typ":"JWT","kid":"../../dev/null"})",
           R"({"alg":"HS256","typ":"JWT","crit":["exp"]})",
           R"({"alg":"HS256","typ":"JWT","jku":"https://attacker.example/keys"})",
           R"({"alg":"HS256","alg":"none","typ":"JWT"})",
           R"({"typ":"JWT","alg":"HS256"})",
           R"({"alg":"HS256","typ":"JWT"} )",
           R"({})",
           "not json",
       })
    EXPECT_FALSE(codec.verify(signed_with(header), at(1000))) << header;
  // "alg":"none" with the empty signature such tokens usually carry.
  std::string unsigned_token = platform::base64url_encode(R"({"alg":"none","typ":"JWT"})") + "." + payload + ".";
  EXPECT_FALSE(codec.verify(unsigned_token, at(1000)));
}

TEST(ChangeSet, RecordsOnlyChangesAndNeverSecrets) {
  ChangeSet cs;
  cs.set("name", "A", "B").set("code", "X", "X").redacted("password");
  auto v = boost::json::parse(cs.json()).as_object();
  EXPECT_EQ(v.size(), 2u);
  EXPECT_EQ(v.at("name").at("before").as_string(), "A");
  EXPECT_EQ(v.at("password").at("after").as_string(), "[redacted]");
  auto created = ChangeSet::for_creation();
  created.set("name", "", "N").set("address", "", "");
  auto c = boost::json::parse(created.json()).as_object();
  EXPECT_EQ(c.size(), 1u);
  EXPECT_TRUE(c.at("name").at("before").is_null());
  ChangeSet quoted;
  quoted.set("name", "a\"b", "c\\d\n");
  EXPECT_EQ(boost::json::parse(quoted.json()).at("name").at("after").as_string(), "c\\d\n");
}

TEST(Paging, LimitsAndCursorsAreCheckedPerField) {
  auto def = parse_page(std::nullopt, std::nullopt);
  ASSERT_TRUE(def);
  EXPECT_EQ(def->limit, kDefaultPageSize);
  auto cursor = encode_cursor("01900000-0000-7000-8000-000000000001");
  auto ok = parse_page(std::string("100"), cursor);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->after_id, "01900000-0000-7000-8000-000000000001");
  for (const char* bad : {"0", "101", "abc", "", "5x", "-1"}) {
    auto r = parse_page(std::string(bad), std::nullopt);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field_errors.at(0).field, "limit");
  }
  auto bad_cursor = parse_page(std::nullopt, std::string("bm90LWEtY3Vyc29y"));
  ASSERT_FALSE(bad_cursor);
  EXPECT_EQ(bad_cursor.error().field_errors.at(0).field, "cursor");
  auto both = parse_page(std::string("x"), std::string("!!"));
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error().field_errors.size(), 2u);
}

TEST(Paging, ExtraRowMeansAnotherPage) {
  std::vector<std::string> rows{"a", "b", "c"};
  auto page = make_page(rows, 2, [](const std::string& s) { return s; });
  EXPECT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.next_cursor, encode_cursor("b"));
  auto last = make_page(std::vector<std::string>{"a"}, 2, [](const std::string& s) { return s; });
  EXPECT_TRUE(last.next_cursor.empty());
}

}  // namespace cma::app

namespace cma::app {

// An unscoped tenant query must not compile: no scope can be made except from a principal.
static_assert(!std::is_default_constructible_v<CentreScope>);
static_assert(!std::is_constructible_v<CentreScope, std::string>);
static_assert(!std::is_default_constructible_v<NetworkScope>);
static_assert(!std::is_default_constructible_v<Scope>);
static_assert(!std::is_default_constructible_v<AuditFilter>);
static_assert(!std::is_default_constructible_v<Principal>);

namespace {
User user_in(const std::string& centre, domain::Role role) {
  User u;
  u.id = "u-1";
  u.centre_id = centre;
  u.role = role;
  return u;
}
}  // namespace

TEST(Tenancy, CentreRolesReachOnlyTheirOwnCentre) {
  for (auto role : {domain::Role::manager, domain::Role::advisor, domain::Role::trainee}) {
    auto p = Principal::signed_in(user_in("centre-a", role));
    auto scope = Tenancy::of(p);
    ASSERT_NE(centre_of(scope), nullptr);
    EXPECT_EQ(*centre_of(scope), "centre-a");
    EXPECT_TRUE(Tenancy::centre_within(p, "centre-a"));
    EXPECT_FALSE(Tenancy::centre_within(p, "centre-b"));
    EXPECT_FALSE(Tenancy::centre_within(p, ""));
  }
}

TEST(Tenancy, AdminsReachEveryCentreOnlyThroughAnExplicitNetworkScope) {
  auto p = Principal::signed_in(user_in("centre-a", domain::Role::admin));
  auto scope = Tenancy::of(p);
  EXPECT_TRUE(std::holds_alternative<NetworkScope>(scope));
  EXPECT_EQ(centre_of(scope), nullptr);
  auto b = Tenancy::centre_within(p, "centre-b");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->centre_id(), "centre-b");
  // Their own account is still in their own centre.
  EXPECT_EQ(Tenancy::own_centre(p).centre_id(), "centre-a");
}

namespace {
struct Row {
  std::string id, centre_id;
};
// Stands in for a repository: finds by id, within the scope's centre when it has one.
struct FakeRepository {
  std::vector<Row> rows;
  int finds = 0;
  std::optional<Row> find(const Scope& scope, const std::string& id) {
    ++finds;
    for (const auto& r : rows)
      if (r.id == id && (!centre_of(scope) || *centre_of(scope) == r.centre_id)) return r;
    return std::nullopt;
  }
};
}  // namespace

TEST(Lookup, MalformedAbsentAndOtherCentreIdsAreAllNotFound) {
  const std::string ours = "0190a0b0-0000-7000-8000-000000000001";
  const std::string theirs = "0190a0b0-0000-7000-8000-000000000002";
  const std::string nobody = "0190a0b0-0000-7000-8000-000000000003";
  FakeRepository repo{{{ours, "centre-a"}, {theirs, "centre-b"}}};
  auto scope = Tenancy::of(Principal::signed_in(user_in("centre-a", domain::Role::manager)));

  auto found = find_in_scope(repo, scope, ours, "No such row.");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, ours);

  for (const auto& id : {theirs, nobody, std::string("not-a-uuid"), std::string()}) {
    auto missing = find_in_scope(repo, scope, id, "No such row.");
    ASSERT_FALSE(missing) << id;
    EXPECT_EQ(missing.error().code, ErrorCode::not_found) << id;
    EXPECT_EQ(missing.error().detail, "No such row.") << id;
  }
  EXPECT_EQ(repo.finds, 3);  // malformed ids never reach the repository

  auto network = Tenancy::of(Principal::signed_in(user_in("centre-a", domain::Role::admin)));
  EXPECT_TRUE(find_in_scope(repo, network, theirs, "No such row."));
}

TEST(Authorization, RolesLackingAPermissionAreRefusedWithPermissionDenied) {
  auto manager = Principal::signed_in(user_in("centre-a", domain::Role::manager));
  auto trainee = Principal::signed_in(user_in("centre-a", domain::Role::trainee));
  EXPECT_FALSE(authorize(manager, domain::Permission::users_create));
  auto refused = authorize(trainee, domain::Permission::users_create);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, ErrorCode::permission_denied);
  EXPECT_FALSE(authorize(Principal::operator_command(), domain::Permission::centres_create));
  EXPECT_TRUE(authorize(manager, domain::Permission::centres_create));
}

TEST(Authorization, ManagersManageTheirCentresRolesButNeverAdmins) {
  auto manager = Principal::signed_in(user_in("centre-a", domain::Role::manager));
  auto admin = Principal::signed_in(user_in("centre-a", domain::Role::admin));
  EXPECT_FALSE(authorize_managing(manager, domain::Role::advisor));
  auto refused = authorize_managing(manager, domain::Role::admin);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, ErrorCode::permission_denied);
  EXPECT_FALSE(authorize_managing(admin, domain::Role::admin));
  EXPECT_TRUE(
      authorize_managing(Principal::signed_in(user_in("centre-a", domain::Role::advisor)), domain::Role::trainee));
}

}  // namespace cma::app

TEST(DashboardCache, ServesOnlyTheVersionAndDateItWasKeptFor) {
  cma::app::DashboardCache cache(2);
  cma::app::DashboardFigures f;
  f.closed_cases = 7;
  cache.keep("c/*", 3, "2026-11-30", f);
  EXPECT_EQ(cache.find("c/*", 3, "2026-11-30")->closed_cases, 7);
  EXPECT_FALSE(cache.find("c/*", 4, "2026-11-30"));
  EXPECT_FALSE(cache.find("c/*", 3, "2026-12-01"));
  EXPECT_FALSE(cache.find("d/*", 3, "2026-11-30"));
  // Figures of an earlier version read late never replace a later one's.
  auto older = f;
  older.closed_cases = 6;
  cache.keep("c/*", 2, "2026-11-30", older);
  EXPECT_EQ(cache.find("c/*", 3, "2026-11-30")->closed_cases, 7);
  // Bounded: past its capacity it starts again.
  cache.keep("d/*", 1, "2026-11-30", f);
  cache.keep("e/*", 1, "2026-11-30", f);
  EXPECT_FALSE(cache.find("c/*", 3, "2026-11-30"));
  EXPECT_TRUE(cache.find("e/*", 1, "2026-11-30"));
}
