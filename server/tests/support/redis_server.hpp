#pragma once
// A real redis-server (Debian's) started on a free 127.0.0.1 port with nothing persisted, stopped when
// this object goes. A missing redis-server fails the test that needs it (scripts/bootstrap installs it).
#include <sys/types.h>

#include <string>

#include "platform/config.hpp"

namespace cma::testing {

class RedisServer {
 public:
  RedisServer();  // throws std::runtime_error saying why it could not start
  ~RedisServer();
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  int port() const { return port_; }
  std::string url() const { return "redis://127.0.0.1:" + std::to_string(port_); }
  platform::RedisSettings settings() const;
  // SIGKILL, as a crashed or vanished server: no goodbye to its clients.
  void kill();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_;
};

}  // namespace cma::testing
