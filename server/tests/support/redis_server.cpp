#include "support/redis_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "redis/connection.hpp"
#include "support/backend.hpp"
#include "support/process.hpp"

namespace cma::testing {

namespace {

constexpr const char* kRedisServer = "/usr/bin/redis-server";

int unused_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

}  // namespace

std::string RedisServer::url() const {
  if (!options_.tls) return "redis://127.0.0.1:" + std::to_string(port_);
  std::string auth;
  if (!options_.password.empty()) {
    auth = ":";
    for (char ch : options_.password) {
      static const char* hex = "0123456789ABCDEF";
      if (std::isalnum(static_cast<unsigned char>(ch))) {
        auth += ch;
      } else {
        auth += '%';
        auth += hex[static_cast<unsigned char>(ch) >> 4];
        auth += hex[ch & 15];
      }
    }
    auth += "@";
  }
  return "rediss://" + auth + "localhost:" + std::to_string(port_);
}

platform::RedisSettings RedisServer::settings() const {
  platform::RedisSettings s;
  if (auto e = platform::parse_redis_url(url(), s)) throw std::runtime_error(*e);
  return s;
}

RedisServer::RedisServer(RedisServerOptions options) : options_(std::move(options)) {
  if (::access(kRedisServer, X_OK) != 0)
    throw std::runtime_error(std::string(kRedisServer) +
                             " is missing: the Redis tests need Debian's redis-server (scripts/bootstrap installs it)");
  const std::string dir = temp_dir();
  if (options_.tls) {
    // A CA, and a server certificate it signs for localhost and 127.0.0.1.
    ca_file_ = dir + "/ca.pem";
    const std::string cmd =
        "cd " + dir +
        " && openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=cma-test-ca -keyout ca.key -out ca.pem"
        " && openssl req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout server.key -out server.csr"
        " && printf 'subjectAltName=DNS:localhost,IP:127.0.0.1' > san.ext"
        " && openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 1 -extfile san.ext"
        " -out server.pem";
    if (std::system(("(" + cmd + ") > " + dir + "/openssl.log 2>&1").c_str()) != 0)
      throw std::runtime_error("making a test certificate with openssl failed: " + slurp(dir + "/openssl.log"));
  }
  // The port can be taken between choosing and binding it (a parallel run): then try another.
  for (int attempt = 1; attempt <= 10; ++attempt) {
    port_ = options_.port > 0 ? options_.port : unused_port();
    log_ = dir + "/redis-" + std::to_string(attempt) + ".log";
    const std::string port = std::to_string(port_);
    std::vector<std::string> args{
        kRedisServer, "--port", port, "--bind",      "127.0.0.1", "--save",    "",   "--appendonly",
        "no",         "--dir",  dir,  "--daemonize", "no",        "--logfile", log_, "--protected-mode",
        "yes"};
    if (options_.tls) {
      args[2] = "0";  // no plain port
      for (const std::string& a :
           {std::string("--tls-port"), port, std::string("--tls-cert-file"), dir + "/server.pem",
            std::string("--tls-key-file"), dir + "/server.key", std::string("--tls-ca-cert-file"), ca_file_,
            std::string("--tls-auth-clients"), std::string("no")})
        args.push_back(a);
    }
    if (!options_.password.empty()) {
      args.emplace_back("--requirepass");
      args.emplace_back(options_.password);
    }
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(kRedisServer, argv.data());
      ::_exit(127);
    }
    bool up = wait_until(
        [&] {
          if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
            pid_ = -1;
            return true;
          }
          try {
            // Whether it listens (any RESP answer; TLS and AUTH are what the tests themselves try).
            platform::RedisSettings s = settings();
            if (options_.tls) {
              int fd = connect_loopback(port_);
              if (fd < 0) return false;
              ::close(fd);
              return true;
            }
            s.password.clear();
            redis::Connection c(s);
            auto r = c.command({"PING"});
            return r.text == "PONG" || r.is_error();
          } catch (const std::exception&) {
            return false;
          }
        },
        10);
    if (up && pid_ > 0) return;
    if (pid_ > 0) kill();
    if (slurp(log_).find("in use") == std::string::npos || attempt == 10)
      throw std::runtime_error("redis-server did not start: " + slurp(log_));
  }
}

void RedisServer::kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

RedisServer::~RedisServer() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  if (wait_exit(pid_, 10) < 0) pid_ = -1;
  pid_ = -1;
}

}  // namespace cma::testing
