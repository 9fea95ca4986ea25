#pragma once
// One connection to Redis: TCP or TLS (rediss://, the server's certificate checked against the system's
// CAs and its host name), AUTH and SELECT from the URL, every step bounded by the settings' timeout.
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "platform/config.hpp"
#include "redis/resp.hpp"

namespace cma::redis {

// Redis could not be reached, or did not answer in time, or answered something that is not RESP.
class Unavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Connection {
 public:
  // Connects, then AUTH and SELECT as the settings say. Throws Unavailable.
  explicit Connection(const platform::RedisSettings& settings);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Sends one command and reads its reply (an error reply is returned, not thrown). Throws Unavailable;
  // the connection is then unusable.
  Reply command(const std::vector<std::string>& args);
  // Sends a command without reading a reply (SUBSCRIBE's confirmations arrive as messages).
  void send(const std::vector<std::string>& args);
  // The next reply or pushed message, waiting at most `timeout`; none when nothing came in time.
  std::optional<Reply> receive(std::chrono::milliseconds timeout);

 private:
  void write_all(const std::string& bytes);
  // Reads what is available within the deadline; false on timeout.
  bool read_some(std::chrono::steady_clock::time_point deadline);
  Reply read_reply();

  struct Tls;
  int fd_ = -1;
  std::unique_ptr<Tls> tls_;
  std::chrono::milliseconds timeout_;
  ReplyParser parser_;
};

}  // namespace cma::redis
