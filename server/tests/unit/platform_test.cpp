#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "platform/clock.hpp"
#include "platform/config.hpp"
#include "platform/crypto.hpp"
#include "platform/ids.hpp"
#include "platform/utf8.hpp"

namespace cma::platform {

TEST(Time, FormatsFixedWidthUtcAndParsesBack) {
  auto t = parse_time("2026-11-25T03:08:09.123456Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_time(*t), "2026-11-25T03:08:09.123456Z");
  EXPECT_EQ(format_time(*parse_time("2026-11-25T03:08:09Z")), "2026-11-25T03:08:09.000000Z");
  // PostgreSQL's timestamptz text and numeric offsets.
  EXPECT_EQ(format_time(*parse_time("2026-11-25 03:08:09.5+00")), "2026-11-25T03:08:09.500000Z");
  EXPECT_EQ(format_time(*parse_time("2026-11-25T04:08:09+01:00")), "2026-11-25T03:08:09.000000Z");
  for (const char* bad : {"", "yesterday", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-25T03:08:09",
                          "2026-11-25T03:08:09.Z", "2026-11-25T24:00:00Z", "2026-11-25T03:08:09Zjunk"})
    EXPECT_FALSE(parse_time(bad)) << bad;
}

TEST(Crypto, KnownVectors) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // RFC 4231 test case 2
  EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Crypto, Base64UrlRoundTripsAndRejectsJunk) {
  for (const std::string& s :
       std::vector<std::string>{"", "f", "fo", "foo", "foob", "fooba", "foobar", std::string("\0\xff\xfe", 3)})
    EXPECT_EQ(base64url_decode(base64url_encode(s)), s);
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_FALSE(base64url_decode("a"));
  EXPECT_FALSE(base64url_decode("ab+/"));
  EXPECT_FALSE(base64url_decode("Zm9v="));
  EXPECT_FALSE(base64url_decode("Zh"));  // non-zero leftover bits: not the canonical encoding
}

TEST(Crypto, PasswordHashesAreArgon2idAndSalted) {
  auto a = password_hash("correct horse battery");
  auto b = password_hash("correct horse battery");
  EXPECT_EQ(a.rfind("$argon2id$", 0), 0u);
  EXPECT_NE(a, b);
  EXPECT_TRUE(password_verify(a, "correct horse battery"));
  EXPECT_FALSE(password_verify(a, "correct horse battery!"));
  EXPECT_FALSE(password_verify("not a hash", "x"));
}

TEST(Ids, UuidV7IsWellFormedAndTimeOrdered) {
  ManualClock clock(TimePoint(std::chrono::microseconds(1'790'000'000'000'000)));
  UuidV7Generator ids(clock);
  std::set<std::string> seen;
  std::string previous;
  for (int i = 0; i < 2000; ++i) {
    if (i % 100 == 0) clock.advance(std::chrono::milliseconds(1));
    auto id = ids.next();
    EXPECT_TRUE(is_uuid(id)) << id;
    EXPECT_EQ(id[14], '7');
    EXPECT_GT(id, previous);
    EXPECT_TRUE(seen.insert(id).second);
    previous = id;
  }
  EXPECT_FALSE(is_uuid("01900000-0000-7000-8000-00000000000G"));
  EXPECT_FALSE(is_uuid("x"));
}

namespace {
EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars](const std::string& k) -> std::optional<std::string> {
    auto it = vars.find(k);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}
}  // namespace

TEST(Config, DefaultsFlagsWinAndErrorsNameTheVariable) {
  Config c;
  ASSERT_FALSE(
      load_config(env_of({{"PORT", "6000"}, {"JWT_SECRET", std::string(40, 'x')}}), {{"PORT", "7000"}}, true, c));
  EXPECT_EQ(c.port, 7000);
  EXPECT_EQ(c.bind, "127.0.0.1");
  EXPECT_EQ(c.database_url, "sqlite:///./var/cma.db");
  EXPECT_EQ(c.jwt_secret_source, "JWT_SECRET");
  EXPECT_EQ(c.db_pool_wait_ms, 3000);
  Config waits;
  ASSERT_FALSE(load_config(env_of({{"DB_POOL_WAIT_MS", "250"}}), {}, false, waits));
  EXPECT_EQ(waits.db_pool_wait_ms, 250);
  Config any_port;  // 0: the kernel picks one as the server binds
  ASSERT_FALSE(load_config(env_of({{"PORT", "0"}, {"JWT_SECRET", std::string(40, 'x')}}), {}, true, any_port));
  EXPECT_EQ(any_port.port, 0);
  EXPECT_EQ(c.max_connections, 1024);

  auto error_for = [](std::map<std::string, std::string> vars) {
    Config cfg;
    auto e = load_config(env_of(std::move(vars)), {}, true, cfg);
    return e ? e->variable : std::string("none");
  };
  EXPECT_EQ(error_for({{"PORT", "abc"}}), "PORT");
  EXPECT_EQ(error_for({{"PORT", "-1"}}), "PORT");
  EXPECT_EQ(error_for({{"PORT", "65536"}}), "PORT");
  EXPECT_EQ(error_for({{"DATABASE_URL", "mysql://x"}}), "DATABASE_URL");
  EXPECT_EQ(error_for({{"LOG_LEVEL", "chatty"}}), "LOG_LEVEL");
  EXPECT_EQ(error_for({{"DRAIN_SECONDS", "-1"}}), "DRAIN_SECONDS");
  EXPECT_EQ(error_for({{"DB_POOL_WAIT_MS", "0"}}), "DB_POOL_WAIT_MS");
  EXPECT_EQ(error_for({{"DB_POOL_WAIT_MS", "2s"}}), "DB_POOL_WAIT_MS");
  EXPECT_EQ(error_for({{"TRUST_PROXY", "maybe"}}), "TRUST_PROXY");
  EXPECT_EQ(error_for({{"DATABASE_READ_URL", "postgresql://replica/cma"}}), "DATABASE_READ_URL")
      << "a replica of an SQLite file";
  EXPECT_EQ(error_for({{"DATABASE_URL", "postgresql://db/cma"},
                       {"JWT_SECRET", std::string(40, 'x')},
                       {"DATABASE_READ_URL", "mysql://replica/cma"}}),
            "DATABASE_READ_URL");
  EXPECT_EQ(error_for({{"DATABASE_URL", "postgresql://db/cma"},
                       {"JWT_SECRET", std::string(40, 'x')},
                       {"DATABASE_READ_URL", "postgresql://replica/cma"}}),
            "none");
  EXPECT_EQ(error_for({{"DATABASE_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:eu-west-2:1:secret:x"}}),
            "DATABASE_PASSWORD_SECRET_ARN")
      << "an SQLite file has no password";
  for (const char* arn :
       {"cma-db", "arn:aws:s3:::bucket", "arn:aws:secretsmanager:EU WEST:1:secret:x",
        "arn:aws:secretsmanager:eu-west-2:1:parameter:x", "arn:aws:secretsmanager:eu-west-2:1:secret:"})
    EXPECT_EQ(error_for({{"DATABASE_URL", "postgresql://db/cma"},
                         {"JWT_SECRET", std::string(40, 'x')},
                         {"DATABASE_PASSWORD_SECRET_ARN", arn}}),
              "DATABASE_PASSWORD_SECRET_ARN")
        << arn;
  EXPECT_EQ(secrets_manager_arn_region("arn:aws:secretsmanager:eu-west-2:123456789012:secret:rds!db-1-AbC"),
            "eu-west-2");
  EXPECT_EQ(error_for({{"TRUST_PROXY", "6"}}), "TRUST_PROXY");
  EXPECT_EQ(error_for({{"TRUST_PROXY", "-1"}}), "TRUST_PROXY");
  for (auto [value, trusted, hops] : {std::tuple{"true", true, 1}, std::tuple{"false", false, 1},
                                      std::tuple{"2", true, 2}, std::tuple{"1", true, 1}, std::tuple{"0", false, 1}}) {
    Config proxied;
    ASSERT_FALSE(load_config(env_of({{"TRUST_PROXY", value}}), {}, false, proxied)) << value;
    EXPECT_EQ(proxied.trust_proxy, trusted) << value;
    EXPECT_EQ(proxied.proxy_hops, hops) << value;
  }
  EXPECT_EQ(error_for({{"MAX_CONNECTIONS", "0"}}), "MAX_CONNECTIONS");
  EXPECT_EQ(error_for({{"MAX_CONNECTIONS", "many"}}), "MAX_CONNECTIONS");
  EXPECT_EQ(error_for({{"MAX_CONNECTIONS", "1000001"}}), "MAX_CONNECTIONS");
  Config capped;
  ASSERT_FALSE(
      load_config(env_of({{"MAX_CONNECTIONS", "64"}, {"JWT_SECRET", std::string(40, 'x')}}), {}, true, capped));
  EXPECT_EQ(capped.max_connections, 64);
  EXPECT_EQ(error_for({{"JWT_SECRET", "short"}}), "JWT_SECRET");
  EXPECT_EQ(error_for({{"JWT_SECRET_FILE", "/nonexistent/secret"}}), "JWT_SECRET_FILE");
  EXPECT_EQ(error_for({{"DATABASE_URL", "postgresql://db/cma"}}), "JWT_SECRET");
  EXPECT_EQ(error_for({{"LOGIN_ADDRESS_LIMIT", "0"}}), "LOGIN_ADDRESS_LIMIT");
  EXPECT_EQ(error_for({{"LOGIN_ACCOUNT_MAX_DELAY_SECONDS", "1h"}}), "LOGIN_ACCOUNT_MAX_DELAY_SECONDS");
  EXPECT_EQ(error_for({{"REFRESH_TTL_HOURS", "800"}, {"SESSION_MAX_HOURS", "720"}}), "REFRESH_TTL_HOURS");
}

TEST(Config, EmbeddedModeGeneratesAPrivateSecretOnceAndReusesIt) {
  char tmpl[] = "/tmp/cma-config-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  std::string dir = tmpl;
  Config first, second;
  ASSERT_FALSE(load_config(env_of({{"DATA_DIR", dir}}), {}, true, first));
  ASSERT_FALSE(load_config(env_of({{"DATA_DIR", dir}}), {}, true, second));
  EXPECT_GE(first.jwt_secret.size(), 32u);
  EXPECT_EQ(first.jwt_secret, second.jwt_secret);
  struct stat st {};
  ASSERT_EQ(::stat((dir + "/jwt-secret").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  std::filesystem::remove_all(dir);
}

TEST(Utf8, AcceptsWellFormedTextUpToU10FFFF) {
  for (const std::string& s : std::vector<std::string>{
           "", "plain ASCII", std::string("nul \0 inside", 12), "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80",
           "\xED\x9F\xBF",                                          // U+D7FF, the last before the surrogates
           "\xEE\x80\x80",                                          // U+E000, the first after them
           "\xEF\xBF\xBD", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF",  // U+FFFD, U+10000, U+10FFFF
           "caf\xC3\xA9 \xE2\x82\xAC 5 \xF0\x9F\x98\x80"})
    EXPECT_TRUE(is_valid_utf8(s)) << s;
}

TEST(Utf8, RejectsOverlongSurrogatesOutOfRangeAndCutSequences) {
  const std::vector<std::pair<std::string, std::size_t>> bad = {
      {"\xFF\xFE", 0},
      {"ok\x80", 2},                    // a continuation byte with no lead
      {"\xC0\xAF", 0},                  // overlong '/'
      {"\xC1\xBF", 0},                  // overlong
      {"\xE0\x80\xAF", 0},              // overlong '/' in three bytes
      {"\xE0\x9F\xBF", 0},              // overlong U+07FF
      {"\xF0\x80\x80\xAF", 0},          // overlong in four bytes
      {"\xF0\x8F\xBF\xBF", 0},          // overlong U+FFFF
      {"\xED\xA0\x80", 0},              // U+D800
      {"a\xED\xBF\xBF", 1},             // U+DFFF
      {"\xED\xA0\xBD\xED\xB8\x80", 0},  // a surrogate pair written as CESU-8
      {"\xF4\x90\x80\x80", 0},          // U+110000
      {"\xF5\x80\x80\x80", 0},          // lead byte beyond U+10FFFF
      {"\xF8\x88\x80\x80\x80", 0},      // five-byte form
      {"ab\xE2\x82", 2},                // cut short at the end
      {"\xE2\x82z", 0},                 // cut short in the middle
      {"\xF0\x9F\x98", 0},
      {"\xC3", 0},
  };
  for (const auto& [s, at] : bad) {
    EXPECT_FALSE(is_valid_utf8(s)) << testing::PrintToString(s);
    EXPECT_EQ(first_invalid_utf8(s), at) << testing::PrintToString(s);
  }
}

TEST(Utf8, TruncatesAtACharacterBoundary) {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a, e-acute (2), euro (3), emoji (4)
  const std::vector<std::pair<std::size_t, std::string>> cuts = {
      {0, ""},
      {1, "a"},
      {2, "a"},
      {3, "a\xC3\xA9"},
      {4, "a\xC3\xA9"},
      {5, "a\xC3\xA9"},
      {6, "a\xC3\xA9\xE2\x82\xAC"},
      {7, "a\xC3\xA9\xE2\x82\xAC"},
      {9, "a\xC3\xA9\xE2\x82\xAC"},
      {10, text},
      {100, text},
  };
  for (const auto& [max, expected] : cuts) {
    auto cut = truncate_utf8(text, max);
    EXPECT_EQ(cut, expected) << max;
    EXPECT_TRUE(is_valid_utf8(cut)) << max;
  }
  // 512 bytes of two-byte characters plus one ASCII byte in front: the cut falls mid-character.
  std::string ua = "x";
  for (int i = 0; i < 300; ++i) ua += "\xC3\xA9";
  auto cut = truncate_utf8(ua, 512);
  EXPECT_EQ(cut.size(), 511u);
  EXPECT_TRUE(is_valid_utf8(cut));
  // Invalid bytes count one each and never swallow the valid character after them.
  EXPECT_EQ(truncate_utf8("\xFF\xFE\xC3\xA9", 3), "\xFF\xFE");
  EXPECT_EQ(truncate_utf8("\xFF\xFE\xC3\xA9", 4), "\xFF\xFE\xC3\xA9");
}

TEST(Utf8, SanitizeReplacesEachMaximalSubpartWithOneReplacementCharacter) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(sanitize_utf8("plain caf\xC3\xA9"), "plain caf\xC3\xA9");
  EXPECT_EQ(sanitize_utf8("\xFF\xFE"), fffd + fffd);
  EXPECT_EQ(sanitize_utf8("a\xE2\x82z"), "a" + fffd + "z");  // one cut-short character
  EXPECT_EQ(sanitize_utf8("\xE2\x82"), fffd);
  EXPECT_EQ(sanitize_utf8("\xED\xA0\x80"), fffd + fffd + fffd);  // a surrogate: ED is not followed by A0
  EXPECT_EQ(sanitize_utf8("\xC0\xAF"), fffd + fffd);
  EXPECT_EQ(sanitize_utf8("\xF4\x90\x80\x80"), fffd + fffd + fffd + fffd);
  EXPECT_EQ(sanitize_utf8("\xF0\x9F\x98\x80\xF0\x9F\x98"), "\xF0\x9F\x98\x80" + fffd);
  for (const std::string& s : {std::string("\x80\x80\xC3"), std::string("x\xF8\x88\x80\x80\x80y")})
    EXPECT_TRUE(is_valid_utf8(sanitize_utf8(s)));
}

}  // namespace cma::platform
