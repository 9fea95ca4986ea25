#include <malloc.h>

#include "main/cli.hpp"

int main(int argc, char** argv) {
  // Buffers of 1 MiB and more (an upload's parts on their way to S3, a document read for its text)
  // are mapped and unmapped on their own. Left to itself, glibc raises this bound after the first
  // such buffer is freed and then keeps later ones in each thread's heap, so a process that had
  // handled a few uploads on each of its threads stayed tens of MiB larger for good.
  mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
  return cma::main::run_cli(argc, argv);
}
