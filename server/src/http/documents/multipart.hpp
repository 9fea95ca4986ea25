#pragma once
// multipart/form-data (RFC 7578) read incrementally: the body is fed in chunks of any size as it
// arrives, and each part's bytes are handed on as they are found, so a file part is never held
// whole. Only the part headers (bounded) are buffered.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cma::http {

// The boundary of a `multipart/form-data; boundary=…` Content-Type, or nullopt when the type is
// something else or the boundary is missing or invalid (RFC 2046: 1 to 70 characters).
std::optional<std::string> multipart_boundary(std::string_view content_type);

struct PartHeaders {
  std::string name;                     // Content-Disposition's name
  std::optional<std::string> filename;  // its filename (filename*=UTF-8'' preferred), when given
  std::string content_type;             // the part's declared Content-Type, "" if none
};

class MultipartParser {
 public:
  struct Callbacks {
    // A part begins; returning a message refuses the body (e.g. too many parts).
    std::function<std::optional<std::string>(const PartHeaders&)> begin;
    // Some of the current part's bytes; returning a message stops parsing with that error.
    std::function<std::optional<std::string>(std::string_view)> data;
    std::function<void()> end;
  };
  MultipartParser(std::string boundary, Callbacks callbacks);

  // Parses the next piece of the body. False once the body has been found malformed (see error()).
  bool feed(std::string_view chunk);
  // The body has ended: true when it was a complete multipart body (closing delimiter seen).
  bool finish();
  const std::string& error() const { return error_; }
  bool failed() const { return !error_.empty(); }

  static constexpr std::size_t kMaxHeaderBytes = 8 * 1024;

 private:
  enum class State { preamble, after_delimiter, headers, body, epilogue };
  bool fail(std::string why);
  bool parse_headers(std::string_view block);

  std::string delimiter_;  // CRLF "--" boundary
  Callbacks cb_;
  State state_ = State::preamble;
  std::string buf_;
  std::string error_;
};

}  // namespace cma::http
