#pragma once
// A real redis-server (Debian's) started on a free 127.0.0.1 port with nothing persisted, stopped when
// this object goes. A missing redis-server fails the test that needs it (scripts/bootstrap installs it).
#include <sys/types.h>

#include <string>

#include "platform/config.hpp"

namespace cma::testing {

struct RedisServerOptions {
  // TLS only (as ElastiCache with in-transit encryption), with a certificate made for `localhost`
  // and 127.0.0.1 by a new throwaway CA (ca_file()).
  bool tls = false;
  std::string password;  // requirepass; "" = none
  int port = 0;          // 0 = a free one; else this one (to restart a server where it was)
};

class RedisServer {
 public:
  explicit RedisServer(RedisServerOptions options = {});  // throws std::runtime_error saying why not
  ~RedisServer();
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  int port() const { return port_; }
  // redis://127.0.0.1:port, or for TLS rediss://[:password@]localhost:port.
  std::string url() const;
  // The certificate that signed the server's (TLS only).
  const std::string& ca_file() const { return ca_file_; }
  platform::RedisSettings settings() const;
  // SIGKILL, as a crashed or vanished server: no goodbye to its clients.
  void kill();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_;
  RedisServerOptions options_;
  std::string ca_file_;
};

}  // namespace cma::testing
