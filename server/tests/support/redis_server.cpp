#include "support/redis_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
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

platform::RedisSettings RedisServer::settings() const {
  platform::RedisSettings s;
  if (auto e = platform::parse_redis_url(url(), s)) throw std::runtime_error(*e);
  return s;
}

RedisServer::RedisServer() {
  if (::access(kRedisServer, X_OK) != 0)
    throw std::runtime_error(std::string(kRedisServer) +
                             " is missing: the Redis tests need Debian's redis-server (scripts/bootstrap installs it)");
  const std::string dir = temp_dir();
  // The port can be taken between choosing and binding it (a parallel run): then try another.
  for (int attempt = 1; attempt <= 10; ++attempt) {
    port_ = unused_port();
    log_ = dir + "/redis-" + std::to_string(attempt) + ".log";
    const std::string port = std::to_string(port_);
    std::vector<std::string> args{
        kRedisServer, "--port", port, "--bind",      "127.0.0.1", "--save",    "",   "--appendonly",
        "no",         "--dir",  dir,  "--daemonize", "no",        "--logfile", log_, "--protected-mode",
        "yes"};
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
            platform::RedisSettings s = settings();
            redis::Connection c(s);
            auto r = c.command({"PING"});
            return r.text == "PONG";
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
