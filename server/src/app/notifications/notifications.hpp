#pragma once
// Notifications for the signed-in user (GET /api/v1/me/notifications), and appointment reminders:
// booking or moving an appointment enqueues, in the same transaction, an `appointment.remind` job
// due a lead time before the start (docs/notifications.md). The job makes one in-app notification
// for the adviser and, with SMTP configured, e-mails them; it does nothing once the appointment is
// cancelled, moved or given to someone else, since the job made for that change reminds instead.
#include <string>

#include "app/appointments/records.hpp"
#include "app/context.hpp"
#include "app/jobs/records.hpp"
#include "app/notifications/records.hpp"
#include "app/paging.hpp"
#include "domain/result.hpp"

namespace cma::app {

struct NotificationList {
  Page<Notification> page;
  long long unread = 0;
};

// A user's own notifications, newest first; `unread_only` leaves out those read.
Result<NotificationList> list_my_notifications(const Deps& deps, const Actor& actor, bool unread_only,
                                               const PageRequest& page);
// Marks one of the user's notifications read (again: no change). Another user's: 404.
Result<Notification> read_my_notification(const Deps& deps, const Actor& actor, const std::string& id);
struct ReadAllResult {
  long long marked = 0;
};
Result<ReadAllResult> read_all_my_notifications(const Deps& deps, const Actor& actor);

// Inside the booking's or change's write transaction: enqueues the reminder for `a` when it is
// scheduled (once per appointment, start and adviser).
void schedule_appointment_reminder(const Deps& deps, Transaction& tx, const Appointment& a);

// The `appointment.remind` job. Idempotent: the notification is made once per key, and the e-mail
// is sent only while the notification does not record one sent.
struct ReminderRun {
  enum class Outcome { reminded, stale, failed, bad_payload };
  Outcome outcome = Outcome::reminded;
  bool notified = false;  // this run made the notification
  bool emailed = false;   // this run sent the e-mail
  std::string error;
};
ReminderRun run_appointment_reminder(const Deps& deps, const Job& job);

inline constexpr const char* kAppointmentRemindJob = "appointment.remind";
inline constexpr const char* kNoSuchNotification = "No such notification.";

}  // namespace cma::app
