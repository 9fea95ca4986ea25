#include "support/process.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "support/backend.hpp"

namespace cma::testing {

CommandResult run_cma(const std::string& args) {
  CommandResult r;
  FILE* p = ::popen((std::string(CMA_BINARY) + " " + args + " 2>&1").c_str(), "r");
  if (p == nullptr) return r;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p) != nullptr) r.output += buf;
  int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

int connect_loopback(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

Child spawn_cma(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  Child c;
  c.log = temp_dir() + "/cma.log";
  c.pid = ::fork();
  if (c.pid == 0) {
    FILE* out = std::freopen(c.log.c_str(), "w", stdout);
    (void)out;
    ::dup2(::fileno(stdout), 2);
    std::vector<char*> argv{const_cast<char*>(CMA_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    ::execve(CMA_BINARY, argv.data(), envp.data());
    ::_exit(127);
  }
  return c;
}

int wait_exit(pid_t pid, int seconds) {
  int status = 0;
  if (wait_until([&] { return ::waitpid(pid, &status, WNOHANG) == pid; }, seconds))
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  return -1;
}

std::string slurp(const std::string& path) {
  std::string out;
  if (FILE* f = std::fopen(path.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    std::fclose(f);
  }
  return out;
}

std::optional<int> listening_port(const std::string& log) {
  auto at = log.find("\"event\":\"server.listening\"");
  auto end = log.find('\n', at);
  if (at == std::string::npos || end == std::string::npos) return std::nullopt;  // not (wholly) written yet
  auto key = log.find("\"port\":", at);
  if (key == std::string::npos || key > end) return std::nullopt;
  return std::atoi(log.c_str() + key + 7);
}

int wait_for_port(const Child& child, int seconds) {
  int port = 0;
  wait_until(
      [&] {
        port = listening_port(slurp(child.log)).value_or(0);
        return port > 0 || ::waitpid(child.pid, nullptr, WNOHANG) != 0;
      },
      seconds);
  return port;
}

}  // namespace cma::testing
