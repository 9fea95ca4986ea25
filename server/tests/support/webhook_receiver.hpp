#pragma once
// A small HTTP server on 127.0.0.1 (a free port) that records the requests it is sent and answers
// each with the next status of a script (then 200). One thread, each connection served in turn;
// it stops when destroyed.
#include <atomic>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cma::testing {

struct ReceivedRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

class WebhookReceiver {
 public:
  // Answers the first requests with `statuses`, in order, and every later one with 200.
  explicit WebhookReceiver(std::vector<int> statuses = {});
  ~WebhookReceiver();
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& path = "/hook") const;
  std::vector<ReceivedRequest> requests() const;
  int connections() const { return connections_.load(); }

 private:
  void run();
  void serve(int fd);

  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> connections_{0};
  mutable std::mutex mu_;
  std::deque<int> statuses_;
  std::vector<ReceivedRequest> requests_;
  std::thread thread_;
};

}  // namespace cma::testing
