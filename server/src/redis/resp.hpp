#pragma once
// RESP2, the Redis protocol: commands out as arrays of bulk strings, replies parsed incrementally
// (a reply may arrive in any number of pieces).
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cma::redis {

struct Reply {
  enum class Type { simple, error, integer, bulk, nil, array };
  Type type = Type::nil;
  std::string text;  // simple, error, bulk
  long long integer = 0;
  std::vector<Reply> elements;  // array

  bool is_error() const { return type == Type::error; }
  bool is_nil() const { return type == Type::nil; }
};

// The wire form of one command: *<n>\r\n then $<len>\r\n<arg>\r\n for each argument.
std::string encode_command(const std::vector<std::string>& args);

// The server sent something that is not RESP2 (or beyond this client's bounds).
class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ReplyParser {
 public:
  void feed(std::string_view bytes);
  // The next complete reply, or none until more bytes arrive. Throws ProtocolError on bad input.
  std::optional<Reply> next();
  std::size_t buffered() const { return buffer_.size() - pos_; }

 private:
  // Parses one reply at `at`; returns false (leaving `at` unspecified) when the bytes end first.
  bool parse(std::size_t& at, Reply& out, int depth);
  bool line(std::size_t& at, std::string_view& out);

  std::string buffer_;
  std::size_t pos_ = 0;
};

}  // namespace cma::redis
