#pragma once
// One HTTP exchange over libcurl: a request body from memory, a response body streamed to a
// callback when the status is 2xx (kept, up to a limit, for the error otherwise).
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cma::blob {

struct HttpRequest {
  std::string method;
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string_view body;
  bool send_body = false;
  std::function<void(std::string_view)> on_body;  // 2xx bodies; nullptr: kept in HttpResponse::body
  long connect_timeout_seconds = 10;
  long stall_seconds = 60;  // abort when less than a byte a second moves for this long
};

struct HttpResponse {
  long status = 0;  // 0: no response (transport_error says why)
  std::string transport_error;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::uint64_t streamed = 0;  // bytes handed to on_body
};

// Exceptions thrown by on_body end the exchange and propagate.
HttpResponse http_perform(const HttpRequest& request);

}  // namespace cma::blob
