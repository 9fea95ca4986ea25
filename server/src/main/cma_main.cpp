#include "main/cli.hpp"

int main(int argc, char** argv) {
  return cma::main::run_cli(argc, argv);
}
