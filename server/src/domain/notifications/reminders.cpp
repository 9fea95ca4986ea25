#include "domain/notifications/reminders.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "domain/diary/london_time.hpp"

namespace cma::domain {

namespace {

constexpr std::array<const char*, 7> kReminderWeekdays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                          "Friday", "Saturday", "Sunday"};
constexpr std::array<const char*, 12> kReminderMonths = {"January",   "February", "March",    "April",
                                                         "May",       "June",     "July",     "August",
                                                         "September", "October",  "November", "December"};

std::string reminder_two_digits(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string reminder_base64(std::string_view in) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += alphabet[v & 63];
  }
  if (i + 1 == in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

bool reminder_printable_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7f;
  });
}

// One header line: no CR or LF from the text can start a header of its own.
std::string reminder_one_line(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '\r', ' ');
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

std::string mode_phrase(const std::string& mode) {
  if (mode == "phone") return "by phone";
  if (mode == "video") return "by video";
  return "in person";
}

}  // namespace

std::int64_t reminder_run_at(std::int64_t start, std::int64_t now, int lead_minutes) {
  return std::max(now, start - static_cast<std::int64_t>(lead_minutes) * 60);
}

std::string reminder_key(const std::string& appointment_id, const std::string& start_at,
                         const std::string& adviser_id) {
  return "appointment.remind:" + appointment_id + ":" + start_at + ":" + adviser_id;
}

ReminderText reminder_text(std::int64_t start, int duration_minutes, const std::string& mode,
                           const std::string& client_name) {
  auto t = utc_to_london(start);
  auto zone = london_offset(start) == 0 ? "GMT" : "BST";
  auto clock = reminder_two_digits(t.hour) + ":" + reminder_two_digits(t.minute);
  auto day = std::string(kReminderWeekdays[static_cast<std::size_t>(iso_weekday(t.date) - 1)]) + " " +
             std::to_string(t.date.day) + " " + kReminderMonths[static_cast<std::size_t>(t.date.month - 1)] + " " +
             std::to_string(t.date.year);
  ReminderText text;
  text.title = "Appointment reminder: " + day + " at " + clock;
  text.body = "You have a debt advice appointment (" + mode_phrase(mode) + ")";
  if (!client_name.empty()) text.body += " with " + client_name;
  text.body += "\non " + day + " at " + clock + " London time (" + zone + "),\nfor " +
               std::to_string(duration_minutes) + " minutes.";
  return text;
}

std::string rfc5322_date(std::int64_t utc_seconds) {
  static const char* days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto day_number = utc_seconds >= 0 ? utc_seconds / 86400 : (utc_seconds - 86399) / 86400;
  auto secs = utc_seconds - day_number * 86400;
  auto d = civil_from_days(day_number);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[iso_weekday(d) - 1], d.day,
                months[d.month - 1], d.year, static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

std::string encode_header_text(std::string_view text) {
  auto line = reminder_one_line(text);
  if (reminder_printable_ascii(line)) return line;
  // Each encoded word carries at most 45 bytes (60 characters of base64, under RFC 2047's 75),
  // cut only between UTF-8 characters.
  std::string out;
  std::size_t at = 0;
  while (at < line.size()) {
    std::size_t end = std::min(line.size(), at + 45);
    while (end < line.size() && end > at && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
    if (end == at) end = std::min(line.size(), at + 45);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + reminder_base64(std::string_view(line).substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

std::string quoted_printable(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  std::size_t i = 0;
  while (i <= text.size()) {
    auto nl = text.find('\n', i);
    auto end = nl == std::string_view::npos ? text.size() : nl;
    auto line = text.substr(i, end - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string encoded_line;
    std::size_t width = 0;
    for (std::size_t k = 0; k < line.size(); ++k) {
      auto u = static_cast<unsigned char>(line[k]);
      bool last = k + 1 == line.size();
      std::string piece;
      if ((u >= 33 && u <= 126 && u != '=') || ((u == ' ' || u == '\t') && !last)) {
        piece = static_cast<char>(u);
      } else {
        piece = {'=', hex[u >> 4], hex[u & 15]};
      }
      if (width + piece.size() > 75) {
        encoded_line += "=\r\n";
        width = 0;
      }
      encoded_line += piece;
      width += piece.size();
    }
    out += encoded_line;
    if (nl == std::string_view::npos) break;
    out += "\r\n";
    i = nl + 1;
  }
  return out;
}

std::string render_email(const EmailMessage& m) {
  std::string out;
  out += "Date: " + rfc5322_date(m.date) + "\r\n";
  out += "From: <" + reminder_one_line(m.from) + ">\r\n";
  out += "To: <" + reminder_one_line(m.to) + ">\r\n";
  out += "Message-ID: <" + reminder_one_line(m.message_id) + ">\r\n";
  out += "Subject: " + encode_header_text(m.subject) + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: quoted-printable\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  out += "\r\n";
  out += quoted_printable(m.body);
  out += "\r\n";
  return out;
}

bool plain_email_address(std::string_view address) {
  auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= address.size() || address.size() > 254) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  return std::all_of(address.begin(), address.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f && c != '<' && c != '>' && c != ',' && c != '"' && c != '(' && c != ')' && c != ';' &&
           c != '\\';
  });
}

}  // namespace cma::domain
