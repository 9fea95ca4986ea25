#include "support/smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "support/backend.hpp"
#include "support/process.hpp"

namespace cma::testing {

namespace {

constexpr const char* kSinkPython = "/usr/bin/python3";

int smtp_free_port() {
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

// Whether something answers the SMTP greeting on the port.
bool smtp_greets(int port) {
  int fd = connect_loopback(port);
  if (fd < 0) return false;
  timeval tv{2, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  char buf[64] = {0};
  auto n = ::recv(fd, buf, sizeof buf - 1, 0);
  ::close(fd);
  return n >= 3 && std::string(buf, 3) == "220";
}

}  // namespace

SmtpSink::SmtpSink() {
  if (::access(kSinkPython, X_OK) != 0 ||
      std::system((std::string(kSinkPython) + " -c 'import aiosmtpd' > /dev/null 2>&1").c_str()) != 0)
    throw std::runtime_error("the SMTP tests need Debian's python3-aiosmtpd (scripts/bootstrap installs it)");
  for (int attempt = 1; attempt <= 10; ++attempt) {
    dir_ = temp_dir();
    std::filesystem::create_directories(dir_ + "/mail");
    port_ = smtp_free_port();
    const std::string log = dir_ + "/aiosmtpd.log";
    const std::string listen = "127.0.0.1:" + std::to_string(port_);
    const std::string maildir = dir_ + "/mail/inbox";
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      std::freopen(log.c_str(), "w", stdout);
      std::freopen(log.c_str(), "a", stderr);
      std::vector<std::string> args{
          kSinkPython, "-m", "aiosmtpd", "-n", "-l", listen, "-c", "aiosmtpd.handlers.Mailbox", maildir};
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(kSinkPython, argv.data());
      ::_exit(127);
    }
    bool exited = false;
    bool up = wait_until(
        [&] {
          if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
            exited = true;
            return true;
          }
          return smtp_greets(port_);
        },
        15);
    if (up && !exited) return;
    if (!exited) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    pid_ = -1;
    if (attempt == 10) throw std::runtime_error("aiosmtpd did not start: " + slurp(log));
  }
}

SmtpSink::~SmtpSink() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  if (wait_exit(pid_, 5) == -1) return;  // killed and reaped there
}

std::vector<std::string> SmtpSink::messages() const {
  std::vector<std::pair<std::filesystem::file_time_type, std::string>> found;
  std::error_code ec;
  for (const char* sub : {"/mail/inbox/new", "/mail/inbox/cur"})
    for (const auto& e : std::filesystem::directory_iterator(dir_ + sub, ec))
      if (e.is_regular_file()) found.emplace_back(e.last_write_time(), e.path().string());
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (const auto& f : found) out.push_back(slurp(f.second));
  return out;
}

std::vector<std::string> SmtpSink::wait_for(std::size_t n, int seconds) const {
  std::vector<std::string> got;
  wait_until(
      [&] {
        got = messages();
        return got.size() >= n;
      },
      seconds);
  return got;
}

}  // namespace cma::testing
