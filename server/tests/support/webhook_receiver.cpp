#include "support/webhook_receiver.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <stdexcept>

namespace cma::testing {

WebhookReceiver::WebhookReceiver(std::vector<int> statuses) : statuses_(statuses.begin(), statuses.end()) {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listener_ < 0) throw std::runtime_error("receiver: socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listener_, 16) != 0)
    throw std::runtime_error("receiver: bind");
  socklen_t len = sizeof addr;
  ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { run(); });
}

WebhookReceiver::~WebhookReceiver() {
  stop_ = true;
  thread_.join();
  ::close(listener_);
}

std::string WebhookReceiver::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<ReceivedRequest> WebhookReceiver::requests() const {
  std::lock_guard lock(mu_);
  return requests_;
}

void WebhookReceiver::run() {
  while (!stop_) {
    pollfd p{listener_, POLLIN, 0};
    if (::poll(&p, 1, 20) <= 0) continue;
    int fd = ::accept(listener_, nullptr, nullptr);
    if (fd < 0) continue;
    ++connections_;
    serve(fd);
    ::close(fd);
  }
}

void WebhookReceiver::serve(int fd) {
  // Reads one request (headers, then Content-Length bytes) within 5 s.
  std::string data;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  std::size_t header_end = std::string::npos;
  std::size_t want = 0;
  ReceivedRequest req;
  while (std::chrono::steady_clock::now() < deadline && !stop_) {
    if (header_end != std::string::npos && data.size() >= header_end + 4 + want) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 20) <= 0) continue;
    char buf[4096];
    auto n = ::read(fd, buf, sizeof buf);
    if (n <= 0) return;
    data.append(buf, static_cast<std::size_t>(n));
    if (header_end == std::string::npos && (header_end = data.find("\r\n\r\n")) != std::string::npos) {
      std::size_t line_end = data.find("\r\n");
      std::string first = data.substr(0, line_end);
      auto sp1 = first.find(' ');
      auto sp2 = first.find(' ', sp1 + 1);
      req.method = first.substr(0, sp1);
      req.target = first.substr(sp1 + 1, sp2 - sp1 - 1);
      std::size_t at = line_end + 2;
      while (at < header_end) {
        auto end = data.find("\r\n", at);
        std::string line = data.substr(at, end - at);
        auto colon = line.find(':');
        if (colon != std::string::npos) {
          std::string name = line.substr(0, colon);
          for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          std::string value = line.substr(colon + 1);
          while (!value.empty() && value.front() == ' ') value.erase(0, 1);
          req.headers[name] = value;
        }
        at = end + 2;
      }
      if (auto it = req.headers.find("content-length"); it != req.headers.end()) want = std::stoul(it->second);
    }
  }
  if (header_end == std::string::npos) return;
  req.body = data.substr(header_end + 4, want);
  int status = 200;
  {
    std::lock_guard lock(mu_);
    if (!statuses_.empty()) {
      status = statuses_.front();
      statuses_.pop_front();
    }
    requests_.push_back(std::move(req));
  }
  std::string reply =
      "HTTP/1.1 " + std::to_string(status) + " Whatever\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
  (void)!::write(fd, reply.data(), reply.size());
}

}  // namespace cma::testing
