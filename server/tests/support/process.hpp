#pragma once
// Running the `cma` binary and opening raw loopback connections, for tests that act as an operator
// or as a misbehaving client.
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cma::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs `cma <args>` (args are passed to the shell as written) and waits for it.
CommandResult run_cma(const std::string& args);

// A TCP connection to 127.0.0.1:port, or -1 when nothing accepts it.
int connect_loopback(int port);

// A `cma` process started in the background, its stdout and stderr going to `log`.
struct Child {
  pid_t pid = -1;
  std::string log;
};
Child spawn_cma(const std::vector<std::string>& args, const std::vector<std::string>& env);
// Its exit code, or -1 after killing it when it has not exited within `seconds`.
int wait_exit(pid_t pid, int seconds);
std::string slurp(const std::string& path);
// The port `cma serve` or `cma web` reports in its server.listening log line, once written.
std::optional<int> listening_port(const std::string& log);
// Waits up to `seconds` for the child to report its port: the port, or 0 when it exited first or
// did not report one in time.
int wait_for_port(const Child& child, int seconds = 30);

// Polls `done` every few milliseconds until it holds or `seconds` pass.
template <class F>
bool wait_until(F done, int seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

}  // namespace cma::testing
