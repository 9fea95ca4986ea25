#include <malloc.h>

#include "main/cli.hpp"

int main(int argc, char** argv) {
  // Buffers of 1 MiB and more (an upload's parts on their way to S3, a document read for its text)
  // are mapped and unmapped on their own. Left to itself, glibc raises this bound after the first
  // such buffer is freed and then keeps later ones in each thread's heap, so a process that had
  // handled a few uploads on each of its threads stayed tens of MiB larger for good.
  mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
  // Each thread's heap is handed back to the kernel (madvise) whenever more than this lies free at
  // its top. glibc's default (128 KiB) is less than a few list replies, so under load every reply's
  // buffers were returned and faulted in again, at the cost of a TLB flush on every core each time:
  // a fifth of the server's CPU on the client list. Up to 8 MiB per heap stays for reuse.
  mallopt(M_TRIM_THRESHOLD, 8 * 1024 * 1024);
  return cma::main::run_cli(argc, argv);
}
