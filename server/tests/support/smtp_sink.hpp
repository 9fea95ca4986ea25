#pragma once
// A real SMTP server on a free 127.0.0.1 port: Debian's aiosmtpd (python3-aiosmtpd, installed by
// scripts/bootstrap) with its Mailbox handler, which keeps each message it accepts as a file of a
// Maildir. Stopped when this object goes.
#include <sys/types.h>

#include <string>
#include <vector>

namespace cma::testing {

class SmtpSink {
 public:
  SmtpSink();  // throws std::runtime_error saying why not
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // The messages received so far, as delivered (headers and body), oldest first.
  std::vector<std::string> messages() const;
  // Waits up to `seconds` for at least `n` messages.
  std::vector<std::string> wait_for(std::size_t n, int seconds) const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string dir_;
};

}  // namespace cma::testing
