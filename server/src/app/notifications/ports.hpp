#pragma once
// The notifications module's storage (every statement names the centre) and the outgoing mail port.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/model.hpp"
#include "app/notifications/records.hpp"
#include "app/tenancy.hpp"

namespace cma::app {

class NotificationRepository {
 public:
  virtual ~NotificationRepository() = default;
  // The user's own notification; another user's is not found.
  virtual std::optional<Notification> find_for_user(const CentreScope& scope, const std::string& user_id,
                                                    const std::string& id) = 0;
  virtual std::optional<Notification> find_by_key(const CentreScope& scope, const std::string& dedupe_key) = 0;
  // Throws UniqueViolation when the centre has a notification with the same key.
  virtual void insert(const Notification& n) = 0;
  virtual void mark_read(const CentreScope& scope, const std::string& user_id, const std::string& id,
                         const std::string& at) = 0;
  // The user's unread notifications marked read; how many there were.
  virtual long long mark_all_read(const CentreScope& scope, const std::string& user_id, const std::string& at) = 0;
  virtual void mark_emailed(const CentreScope& scope, const std::string& id, const std::string& at) = 0;
  // Newest first: up to page.limit rows before page.after_id.
  virtual std::vector<Notification> list(const CentreScope& scope, const std::string& user_id, bool unread_only,
                                         const PageRequest& page) = 0;
  virtual long long count_unread(const CentreScope& scope, const std::string& user_id) = 0;
};

// Thrown by a Mailer whose server did not accept a message (the reason, without credentials).
struct MailError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Sends finished RFC 5322 messages (SMTP_URL, docs/notifications.md).
class Mailer {
 public:
  virtual ~Mailer() = default;
  // The envelope and From: address.
  virtual const std::string& from() const = 0;
  // Hands `message` to the server for `recipient`; throws MailError when it is not accepted.
  virtual void send(const std::string& recipient, const std::string& message) = 0;
};

}  // namespace cma::app
