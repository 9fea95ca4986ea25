// The `cma` binary as an operator runs it: configuration errors, graceful shutdown on SIGTERM.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "support/backend.hpp"
#include "support/process.hpp"
#include "support/s3_harness.hpp"
#include "support/test_app.hpp"

namespace cma::testing::process_itest {

namespace {

std::string read_all(int fd) {
  std::string out;
  char buf[4096];
  for (;;) {
    auto n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

// The server's end of the loopback connection `client_fd`, as /proc/net/tcp shows it: whether the
// server has accepted it (only then does it have an inode) and how many bytes it has yet to read.
struct ServerEnd {
  bool accepted = false;
  unsigned long unread = 0;
};
std::optional<ServerEnd> server_end(int client_fd, int server_port) {
  sockaddr_in local{};
  socklen_t len = sizeof local;
  if (::getsockname(client_fd, reinterpret_cast<sockaddr*>(&local), &len) != 0) return std::nullopt;
  char addresses[64];
  std::snprintf(addresses, sizeof addresses, "0100007F:%04X 0100007F:%04X", server_port, ntohs(local.sin_port));
  std::ifstream tcp("/proc/net/tcp");
  std::string row;
  while (std::getline(tcp, row)) {
    auto at = row.find(addresses);
    if (at == std::string::npos) continue;
    // st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    std::istringstream fields(row.substr(at + std::strlen(addresses)));
    std::string state, queues, timer, retransmits, uid, timeout, inode;
    fields >> state >> queues >> timer >> retransmits >> uid >> timeout >> inode;
    if (queues.size() != 17 || inode.empty()) return std::nullopt;
    return ServerEnd{inode != "0", std::stoul(queues.substr(9), nullptr, 16)};
  }
  return std::nullopt;
}

}  // namespace

TEST(Process, InvalidConfigurationNamesTheVariable) {
  auto dir = temp_dir();
  for (auto [var, value] : std::vector<std::pair<std::string, std::string>>{{"PORT", "abc"},
                                                                            {"PORT", "70000"},
                                                                            {"DATABASE_URL", "mysql://x"},
                                                                            {"LOG_LEVEL", "loud"},
                                                                            {"JWT_SECRET", "short"},
                                                                            {"STORAGE_URL", "ftp://x"},
                                                                            {"STORAGE_URL", "s3://cma-docs"}}) {
    auto c =
        spawn_cma({"serve"}, {var + "=" + value, "DATA_DIR=" + dir,
                              "DATABASE_URL=" + (var == "DATABASE_URL" ? value : "sqlite:///" + dir + "/db.sqlite")});
    EXPECT_EQ(wait_exit(c.pid, 10), 2) << var;
    auto log = slurp(c.log);
    EXPECT_NE(log.find(var), std::string::npos) << log;
    EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 1) << log;
  }
}

TEST(Process, S3StorageWithoutCredentialsRefusesToStart) {
  auto dir = temp_dir();
  auto c = spawn_cma({"serve"}, {"DATA_DIR=" + dir, "DATABASE_URL=sqlite:///" + dir + "/db.sqlite",
                                 "STORAGE_URL=s3://cma-docs?region=eu-west-2"});
  EXPECT_EQ(wait_exit(c.pid, 10), 2);
  auto log = slurp(c.log);
  EXPECT_NE(log.find("configuration error: STORAGE_URL: no AWS credentials"), std::string::npos) << log;
}

TEST(Process, PostgresWithoutASecretRefusesToStart) {
  auto c = spawn_cma({"serve"}, {"DATABASE_URL=postgresql://127.0.0.1:1/none"});
  EXPECT_EQ(wait_exit(c.pid, 10), 2);
  EXPECT_NE(slurp(c.log).find("JWT_SECRET"), std::string::npos);
}

TEST(Process, SigtermFinishesTheRequestInFlightThenExitsZero) {
  auto dir = temp_dir();
  // Port 0: the kernel picks a free port as the server binds, so no other test can take it first.
  auto c = spawn_cma({"serve", "--demo"}, {"DATABASE_URL=" + new_database_url(), "PORT=0", "DATA_DIR=" + dir,
                                           "JWT_SECRET=" + std::string(40, 'j'), "DRAIN_SECONDS=10"});
  int port = wait_for_port(c);
  ASSERT_GT(port, 0) << slurp(c.log);
  ASSERT_EQ(http_request(port, "GET", "/health").status, 200) << slurp(c.log);

  // A slow client: headers and half the body now, the rest after SIGTERM.
  std::string body = R"({"email":"admin@example.org","password":"definitely-not-it"})";
  std::string head =
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n";
  int fd = connect_loopback(port);
  ASSERT_GE(fd, 0);
  std::string first = head + body.substr(0, 10);
  ASSERT_EQ(::write(fd, first.data(), first.size()), static_cast<ssize_t>(first.size()));
  // An idle keep-alive connection is closed at once rather than holding the drain open.
  int idle = connect_loopback(port);
  ASSERT_GE(idle, 0);
  // SIGTERM only once the server has read the partial request (so it is a request in flight) and
  // accepted the idle connection (so closing it is the drain's doing).
  ASSERT_TRUE(wait_until(
      [&] {
        auto busy = server_end(fd, port), quiet = server_end(idle, port);
        return busy && busy->accepted && busy->unread == 0 && quiet && quiet->accepted;
      },
      10));

  ASSERT_EQ(::kill(c.pid, SIGTERM), 0);
  EXPECT_TRUE(wait_until(
      [&] {
        int probe = connect_loopback(port);
        if (probe < 0) return true;
        ::close(probe);
        return false;
      },
      5))
      << "still accepting after SIGTERM";
  EXPECT_EQ(::waitpid(c.pid, nullptr, WNOHANG), 0) << "exited before finishing the request";

  std::string rest = body.substr(10);
  ASSERT_EQ(::write(fd, rest.data(), rest.size()), static_cast<ssize_t>(rest.size()));
  auto response = read_all(fd);
  ::close(fd);
  EXPECT_EQ(response.rfind("HTTP/1.1 401", 0), 0u) << response;
  EXPECT_NE(response.find("Connection: close"), std::string::npos) << response;
  EXPECT_EQ(read_all(idle), "");
  ::close(idle);
  EXPECT_EQ(wait_exit(c.pid, 15), 0) << slurp(c.log);
  auto log = slurp(c.log);
  EXPECT_NE(log.find("\"event\":\"server.stopped\""), std::string::npos);
  // Logs are JSON lines with request ids, and carry no e-mail addresses.
  EXPECT_EQ(log.find("admin@example.org\""), std::string::npos);
  EXPECT_NE(log.find("\"route\":\"/api/v1/auth/login\""), std::string::npos);
}

}  // namespace cma::testing::process_itest

namespace cma::testing::process_itest {

TEST(Process, EveryCommandHasHelpAndTheBinaryHasAVersion) {
  for (const char* cmd : {"--version", "--help", "serve --help", "migrate --help", "seed-demo --help",
                          "user create --help", "audit verify --help", "worker --help"}) {
    auto r = run_cma(cmd);
    EXPECT_EQ(r.exit_code, 0) << cmd << "\n" << r.output;
    EXPECT_FALSE(r.output.empty()) << cmd;
  }
  EXPECT_NE(run_cma("frobnicate").exit_code, 0);
}

// With DATABASE_PASSWORD_SECRET_ARN the password comes from Secrets Manager (here a stand-in that
// checks Signature V4 with AWS's signer), as RDS manages it; when RDS rotates it, the connections
// then opened are refused, the secret is read again, and the process carries on without a restart.
TEST(Process, ADatabasePasswordRotatedInSecretsManagerIsReadAgainWithoutARestart) {
  if (!using_postgres()) GTEST_SKIP() << "the secret holds a PostgreSQL password";
  PgOwnCluster pg;
  auto admin_url = pg.create_database();
  auto database = admin_url.substr(admin_url.rfind('/') + 1);
  pg.execute("CREATE ROLE cma_app LOGIN PASSWORD 'first-Pa55word-4f1c'");
  pg.execute("ALTER DATABASE " + database + " OWNER TO cma_app");
  pg.require_password("cma_app");
  S3Harness aws;
  const std::string arn = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:rds!db-3f1e-AbCdEf";
  aws.put_secret(arn, R"({"username":"cma_app","password":"first-Pa55word-4f1c"})");
  auto c =
      spawn_cma({"serve"}, {"DATABASE_URL=" + pg.url("cma_app", database), "DATABASE_PASSWORD_SECRET_ARN=" + arn,
                            "AWS_ENDPOINT_URL_SECRETS_MANAGER=" + aws.secrets_endpoint(), "AWS_ACCESS_KEY_ID=S3RVER",
                            "AWS_SECRET_ACCESS_KEY=S3RVER", "JWT_SECRET=" + std::string(40, 'j'), "PORT=0",
                            "DATA_DIR=" + temp_dir(), "LOG_LEVEL=info"});
  std::optional<int> port;
  ASSERT_TRUE(wait_until([&] { return (port = listening_port(slurp(c.log))).has_value(); }, 60)) << slurp(c.log);
  ASSERT_EQ(http_request(*port, "GET", "/health").status, 200) << slurp(c.log);
  EXPECT_EQ(aws.secret_reads(arn), 1) << "read once at start";

  // RDS rotates the password: the secret changes and the connections open now are ended.
  pg.execute("ALTER ROLE cma_app PASSWORD 'second-Pa55word-9b2d'");
  aws.put_secret(arn, R"({"username":"cma_app","password":"second-Pa55word-9b2d"})");
  pg.execute("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE usename = 'cma_app'");
  auto health = http_request(*port, "GET", "/health");
  EXPECT_EQ(health.status, 200) << health.body << slurp(c.log);
  EXPECT_EQ(aws.secret_reads(arn), 2) << "read again once, when the old password was refused";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(http_request(*port, "GET", "/health").status, 200);
  EXPECT_EQ(aws.secret_reads(arn), 2);

  ::kill(c.pid, SIGTERM);
  EXPECT_EQ(wait_exit(c.pid, 30), 0);
  auto log = slurp(c.log);
  EXPECT_EQ(log.find("Pa55word"), std::string::npos) << "no password in the log";
  EXPECT_NE(log.find("db.password_read"), std::string::npos) << log;
}

TEST(Process, ADatabaseSecretThatIsNotAnArnIsRefused) {
  auto c = spawn_cma({"serve"}, {"DATABASE_URL=postgresql://cma@127.0.0.1:1/none", "JWT_SECRET=" + std::string(40, 'j'),
                                 "DATABASE_PASSWORD_SECRET_ARN=cma-db-password"});
  EXPECT_EQ(wait_exit(c.pid, 10), 2);
  EXPECT_NE(slurp(c.log).find("DATABASE_PASSWORD_SECRET_ARN"), std::string::npos) << slurp(c.log);
}

}  // namespace cma::testing::process_itest
