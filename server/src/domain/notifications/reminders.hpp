#pragma once
// Appointment reminders (docs/notifications.md): when one runs, what makes it unique, and the
// RFC 5322 e-mail that carries it. Pure: no I/O; times are seconds since the epoch (UTC).
#include <cstdint>
#include <string>
#include <string_view>

namespace cma::domain {

inline constexpr int kDefaultReminderLeadMinutes = 24 * 60;

// `lead_minutes` before the start, or `now` when that has already passed.
std::int64_t reminder_run_at(std::int64_t start, std::int64_t now, int lead_minutes);

// One reminder per appointment, start and adviser: moving the appointment or giving it to another
// adviser makes a new one, and the old one finds its appointment changed and does nothing.
std::string reminder_key(const std::string& appointment_id, const std::string& start_at, const std::string& adviser_id);

// What a reminder says. The client's name only when `client_name` is given (the centre's settings
// allow names in calendars and e-mail); never anything else about them.
struct ReminderText {
  std::string title;
  std::string body;
};
ReminderText reminder_text(std::int64_t start, int duration_minutes, const std::string& mode,
                           const std::string& client_name);

struct EmailMessage {
  std::string from;        // addr-spec
  std::string to;          // addr-spec
  std::string subject;     // UTF-8
  std::string body;        // UTF-8 text, lines separated by \n
  std::string message_id;  // without the angle brackets, e.g. "reminder-<id>@cma"
  std::int64_t date = 0;
};

// "Tue, 01 Dec 2026 05:10:00 +0000".
std::string rfc5322_date(std::int64_t utc_seconds);
// The text as is when it is printable ASCII, else RFC 2047 encoded words (UTF-8, base64) that each
// keep whole characters.
std::string encode_header_text(std::string_view text);
// Quoted-printable (RFC 2045) with CRLF line ends and soft breaks before 76 characters.
std::string quoted_printable(std::string_view text);
// The whole message, CRLF line ends, ready for SMTP DATA.
std::string render_email(const EmailMessage& m);
// True when `address` can go into a header and an SMTP envelope as it is: local@domain, printable
// ASCII, no spaces, angle brackets, commas or line breaks.
bool plain_email_address(std::string_view address);

}  // namespace cma::domain
