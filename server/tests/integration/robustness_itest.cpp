// Hostile and malformed input: every request gets an answer or a closed connection, nothing is
// changed, and the server keeps serving. Bounded: a fixed number of requests to 127.0.0.1.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <random>

#include "support/process.hpp"
#include "support/test_app.hpp"

namespace cma::testing::robustness_itest {
namespace json = boost::json;

namespace {
// Sends raw bytes and returns whatever comes back before the server closes or 2 s pass.
std::string raw_exchange(int port, const std::string& bytes) {
  int fd = connect_loopback(port);
  if (fd < 0) return "connect failed";
  timeval tv{2, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
  std::string out;
  char buf[4096];
  for (;;) {
    auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}
}  // namespace

TEST(Robustness, MalformedRequestsNeverTakeTheServerDown) {
  TestApp app({.max_body_bytes = 16 * 1024});
  auto t = app.login(app.admin);
  const std::vector<std::string> cases = {
      "GARBAGE\r\n\r\n",
      "GET\r\n\r\n",
      "GET / HTTP/9.9\r\n\r\n",
      "GET /api/v1/users?limit=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /api/v1/users/%00 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + t + "\r\n\r\n",
      "POST /api/v1/centres HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
      "POST /api/v1/centres HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
      "POST /api/v1/centres HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n"
      "Authorization: Bearer " +
          t + "\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
      std::string("GET / HTTP/1.1\r\nHost: x\r\nX-Big: ").append(64 * 1024, 'a').append("\r\n\r\n"),
      std::string("GET / HTTP/1.1\r\nHost: x\r\nX-Nul: a\0b\r\n\r\n", 38),
      std::string("GET /").append(20000, 'p').append(" HTTP/1.1\r\nHost: x\r\n\r\n"),
  };
  for (const auto& c : cases) {
    auto reply = raw_exchange(app.port(), c);
    if (!reply.empty()) {
      EXPECT_EQ(reply.rfind("HTTP/1.1 ", 0), 0u) << reply.substr(0, 200);
    }
    EXPECT_EQ(reply.find("HTTP/1.1 5"), std::string::npos) << c.substr(0, 80) << " -> " << reply.substr(0, 200);
  }

  // Bodies that are not what the route expects.
  std::string deep(200, '[');
  const std::vector<std::string> bodies = {
      deep,
      "{\"name\": \"\xff\xfe\", \"code\": \"BAD\"}",
      "{\"name\": null, \"code\": 12}",
      "{\"name\": [\"x\"], \"code\": {\"a\": 1}, \"settings\": \"{}\"}",
      "{\"name\": \"x\\u0000y\", \"code\": \"NUL\"}",
      "1e999999",
      "\"just a string\"",
      "{}" + std::string(10, ' ') + "{}",
  };
  for (const auto& b : bodies) {
    auto r = app.call("POST", "/api/v1/centres", t, b);
    EXPECT_TRUE(r.status == 400 || r.status == 422) << b.substr(0, 60) << " -> " << r.status << " " << r.body;
  }

  // A repeated key is refused, not silently resolved.
  auto dup = app.call("POST", "/api/v1/centres", t, R"({"name": "x", "code": "ABC", "name": "y"})");
  ASSERT_EQ(dup.status, 422) << dup.body;
  EXPECT_EQ(dup.obj().at("errors").as_array()[0].as_object().at("field").as_string(), "name");
  auto nested = app.call("POST", "/api/v1/centres", t, R"({"name": "x", "code": "ABD", "settings": {"a": 1, "a": 2}})");
  EXPECT_EQ(nested.status, 422) << nested.body;

  // Random bytes, seeded so a failure can be replayed.
  std::mt19937 rng(20261125);
  std::uniform_int_distribution<int> byte(0, 255), len(1, 600);
  for (int i = 0; i < 150; ++i) {
    std::string junk(static_cast<std::size_t>(len(rng)), '\0');
    for (auto& ch : junk) ch = static_cast<char>(byte(rng));
    auto reply = raw_exchange(
        app.port(),
        i % 2 ? "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                    std::to_string(junk.size()) + "\r\n\r\n" + junk
              : junk);
    EXPECT_EQ(reply.find("HTTP/1.1 5"), std::string::npos) << i;
  }

  // Still serving, and nothing was created.
  EXPECT_EQ(app.get("/health", "").status, 200);
  auto centres = app.get("/api/v1/centres", t);
  ASSERT_EQ(centres.status, 200);
  EXPECT_EQ(centres.obj().at("items").as_array().size(), 2u);
}

}  // namespace cma::testing::robustness_itest
