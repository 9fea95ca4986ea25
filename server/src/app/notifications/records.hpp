#pragma once
// The notifications module's records.
#include <string>

namespace cma::app {

// A message to one user, shown in the app (and, for reminders, also e-mailed when SMTP is set).
struct Notification {
  std::string id;
  std::string centre_id;
  std::string user_id;  // the recipient
  std::string kind;     // appointment.reminder
  std::string title;
  std::string body;
  std::string appointment_id;  // "" when about no appointment
  std::string dedupe_key;      // one notification per key and centre (e.g. the reminder's key)
  std::string emailed_at;      // "" until its e-mail was accepted by the SMTP server
  std::string created_at;
  std::string read_at;  // "" while unread
};

inline constexpr const char* kAppointmentReminderKind = "appointment.reminder";

}  // namespace cma::app
