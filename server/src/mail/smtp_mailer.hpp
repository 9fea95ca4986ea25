#pragma once
// The Mailer port over libcurl's SMTP client (SMTP_URL, docs/notifications.md): smtp://host:port
// (STARTTLS required when a username is set, so credentials never cross in clear) or
// smtps://host:port (TLS from the start).
#include <string>

#include "app/notifications/ports.hpp"
#include "platform/config.hpp"

namespace cma::mail {

class SmtpMailer final : public app::Mailer {
 public:
  explicit SmtpMailer(platform::SmtpSettings settings) : settings_(std::move(settings)) {}
  const std::string& from() const override { return settings_.from; }
  void send(const std::string& recipient, const std::string& message) override;

 private:
  platform::SmtpSettings settings_;
};

}  // namespace cma::mail
