#include "redis/resp.hpp"

#include <gtest/gtest.h>

#include "platform/config.hpp"
#include "redis/rate_limiter.hpp"

namespace {

using cma::redis::ProtocolError;
using cma::redis::Reply;
using cma::redis::ReplyParser;

TEST(Resp, EncodesCommandsAsArraysOfBulkStrings) {
  EXPECT_EQ(cma::redis::encode_command({"PING"}), "*1\r\n$4\r\nPING\r\n");
  EXPECT_EQ(cma::redis::encode_command({"SET", "k", "a\r\nb", ""}),
            "*4\r\n$3\r\nSET\r\n$1\r\nk\r\n$4\r\na\r\nb\r\n$0\r\n\r\n");
}

TEST(Resp, ParsesEachKindOfReply) {
  ReplyParser p;
  p.feed("+OK\r\n-ERR wrong type\r\n:-42\r\n$5\r\nhe\r\nl\r\n$-1\r\n*-1\r\n*2\r\n:1\r\n*1\r\n$0\r\n\r\n");
  auto ok = p.next();
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->type, Reply::Type::simple);
  EXPECT_EQ(ok->text, "OK");
  auto err = p.next();
  ASSERT_TRUE(err);
  EXPECT_TRUE(err->is_error());
  EXPECT_EQ(err->text, "ERR wrong type");
  auto n = p.next();
  ASSERT_TRUE(n);
  EXPECT_EQ(n->integer, -42);
  auto bulk = p.next();
  ASSERT_TRUE(bulk);
  EXPECT_EQ(bulk->type, Reply::Type::bulk);
  EXPECT_EQ(bulk->text, "he\r\nl");  // binary-safe: CRLF inside a bulk string is data
  auto nil = p.next();
  ASSERT_TRUE(nil);
  EXPECT_TRUE(nil->is_nil());
  auto nil_array = p.next();
  ASSERT_TRUE(nil_array);
  EXPECT_TRUE(nil_array->is_nil());
  auto arr = p.next();
  ASSERT_TRUE(arr);
  ASSERT_EQ(arr->type, Reply::Type::array);
  ASSERT_EQ(arr->elements.size(), 2u);
  EXPECT_EQ(arr->elements[0].integer, 1);
  ASSERT_EQ(arr->elements[1].elements.size(), 1u);
  EXPECT_EQ(arr->elements[1].elements[0].text, "");
  EXPECT_FALSE(p.next());
  EXPECT_EQ(p.buffered(), 0u);
}

TEST(Resp, WaitsForTheRestOfAReplyFedOneByteAtATime) {
  const std::string wire = "*2\r\n:7\r\n$11\r\nhello world\r\n+PONG\r\n";
  ReplyParser p;
  std::vector<Reply> got;
  for (char c : wire) {
    p.feed(std::string_view(&c, 1));
    while (auto r = p.next()) got.push_back(std::move(*r));
  }
  ASSERT_EQ(got.size(), 2u);
  ASSERT_EQ(got[0].elements.size(), 2u);
  EXPECT_EQ(got[0].elements[0].integer, 7);
  EXPECT_EQ(got[0].elements[1].text, "hello world");
  EXPECT_EQ(got[1].text, "PONG");
}

TEST(Resp, RefusesWhatIsNotResp) {
  auto bad = [](const std::string& wire) {
    ReplyParser p;
    p.feed(wire);
    EXPECT_THROW(p.next(), ProtocolError) << wire;
  };
  bad("?what\r\n");
  bad(":12x\r\n");
  bad(":\r\n");
  bad("$-2\r\n");
  bad("$3\r\nabcd\r\n");  // not terminated where its length says
  bad("*-5\r\n");
  bad("$99999999999\r\n");
  std::string deep;
  for (int i = 0; i < 20; ++i) deep += "*1\r\n";
  bad(deep + ":1\r\n");
  ReplyParser p;
  p.feed(std::string(70 * 1024, 'x'));  // a line that never ends
  EXPECT_THROW(p.next(), ProtocolError);
}

TEST(Resp, TheRateLimitScriptHasTheSha1RedisComputes) {
  EXPECT_EQ(cma::redis::sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(cma::redis::sha1_hex(cma::redis::rate_limit_script()).size(), 40u);
}

TEST(RedisUrl, ParsesTheFormsDeploymentsUse) {
  cma::platform::RedisSettings r;
  EXPECT_FALSE(cma::platform::parse_redis_url("rediss://:s3cr%40t@cache.example.internal:6380/2", r));
  EXPECT_TRUE(r.enabled);
  EXPECT_TRUE(r.tls);
  EXPECT_EQ(r.host, "cache.example.internal");
  EXPECT_EQ(r.port, 6380);
  EXPECT_EQ(r.password, "s3cr@t");
  EXPECT_EQ(r.username, "");
  EXPECT_EQ(r.db, 2);
  EXPECT_EQ(r.describe().find("s3cr"), std::string::npos);
  cma::platform::RedisSettings plain;
  EXPECT_FALSE(cma::platform::parse_redis_url("redis://127.0.0.1", plain));
  EXPECT_FALSE(plain.tls);
  EXPECT_EQ(plain.port, 6379);
  EXPECT_EQ(plain.db, 0);
  EXPECT_EQ(plain.password, "");
  cma::platform::RedisSettings acl;
  EXPECT_FALSE(cma::platform::parse_redis_url("redis://app:pw@[::1]:7000/0", acl));
  EXPECT_EQ(acl.username, "app");
  EXPECT_EQ(acl.password, "pw");
  EXPECT_EQ(acl.host, "::1");
  EXPECT_EQ(acl.port, 7000);
  for (const char* bad : {"http://host", "redis://", "redis://host:0", "redis://host:99999", "redis://host/x",
                          "redis://host/1?x=1", "redis://ho st", "redis://:%zz@host"}) {
    cma::platform::RedisSettings out;
    EXPECT_TRUE(cma::platform::parse_redis_url(bad, out)) << bad;
  }
}

TEST(RedisUrl, ConfigNamesTheVariableWhenItIsWrong) {
  auto load = [](std::map<std::string, std::string> env) {
    cma::platform::Config c;
    auto e = cma::platform::load_config(
        [&](const std::string& k) -> std::optional<std::string> {
          auto it = env.find(k);
          return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
        },
        {}, false, c);
    return std::make_pair(e, c);
  };
  auto [e1, c1] = load({{"REDIS_URL", "tcp://x"}});
  ASSERT_TRUE(e1);
  EXPECT_EQ(e1->variable, "REDIS_URL");
  auto [e2, c2] = load({{"RATE_LIMIT_API_PER_MINUTE", "-1"}});
  ASSERT_TRUE(e2);
  EXPECT_EQ(e2->variable, "RATE_LIMIT_API_PER_MINUTE");
  auto [e3, c3] = load({});
  EXPECT_FALSE(e3);
  EXPECT_FALSE(c3.redis.enabled);
  EXPECT_EQ(c3.rate_limit_api_per_minute, 600);
  auto [e4, c4] = load({{"REDIS_URL", "redis://localhost:6390/1"}, {"REDIS_TIMEOUT_MS", "100"}});
  EXPECT_FALSE(e4);
  EXPECT_TRUE(c4.redis.enabled);
  EXPECT_EQ(c4.redis.timeout_ms, 100);
}

}  // namespace
