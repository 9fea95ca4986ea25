#pragma once

namespace cma::main {

// The `cma` command line: serve, migrate, seed-demo, user create, audit verify, --version.
int run_cli(int argc, char** argv);

}  // namespace cma::main
