#pragma once
// Running the `cma` binary and opening raw loopback connections, for tests that act as an operator
// or as a misbehaving client.
#include <string>

namespace cma::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs `cma <args>` (args are passed to the shell as written) and waits for it.
CommandResult run_cma(const std::string& args);

// A TCP connection to 127.0.0.1:port, or -1 when nothing accepts it.
int connect_loopback(int port);

}  // namespace cma::testing
