#include "domain/diary/icalendar.hpp"

#include <cstdio>

#include "domain/diary/london_time.hpp"

namespace cma::domain {

namespace {
// 20260329T090000Z
std::string stamp(std::int64_t t) {
  auto text = format_utc(t);  // 2026-03-29T09:00:00.000000Z
  std::string out;
  for (char c : text.substr(0, 19))
    if (c != '-' && c != ':') out.push_back(c);
  return out + "Z";
}
}  // namespace

std::string ical_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' || c == ',' || c == ';') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out.append("\\n");
    } else if (c == '\n') {
      out.append("\\n");
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out.push_back(' ');  // other control characters are not allowed in TEXT
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string ical_line(std::string_view line) {
  std::string out;
  std::size_t width = 75;  // octets on the first line; continuation lines start with a space
  while (line.size() > width) {
    std::size_t cut = width;
    // Never split a UTF-8 sequence: back up over continuation bytes.
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut)).append("\r\n ");
    line.remove_prefix(cut);
    width = 74;
  }
  out.append(line).append("\r\n");
  return out;
}

std::string render_icalendar(std::string_view calendar_name, std::int64_t now,
                             const std::vector<CalendarEvent>& events) {
  std::string out;
  out.reserve(512 + events.size() * 320);
  out.append(ical_line("BEGIN:VCALENDAR"))
      .append(ical_line("VERSION:2.0"))
      .append(ical_line("PRODID:-//CMA Case Management//Diary//EN"))
      .append(ical_line("CALSCALE:GREGORIAN"))
      .append(ical_line("METHOD:PUBLISH"))
      .append(ical_line("X-WR-CALNAME:" + ical_escape(calendar_name)))
      .append(ical_line("X-WR-TIMEZONE:Europe/London"))
      .append(ical_line("REFRESH-INTERVAL;VALUE=DURATION:PT15M"));
  for (const auto& e : events) {
    out.append(ical_line("BEGIN:VEVENT"))
        .append(ical_line("UID:" + ical_escape(e.uid)))
        .append(ical_line("DTSTAMP:" + stamp(now)))
        .append(ical_line("DTSTART:" + stamp(e.start)))
        .append(ical_line("DTEND:" + stamp(e.end)))
        .append(ical_line("LAST-MODIFIED:" + stamp(e.last_modified)))
        .append(ical_line("SUMMARY:" + ical_escape(e.summary)));
    if (!e.location.empty()) out.append(ical_line("LOCATION:" + ical_escape(e.location)));
    if (!e.description.empty()) out.append(ical_line("DESCRIPTION:" + ical_escape(e.description)));
    out.append(ical_line(e.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED"))
        .append(ical_line("TRANSP:OPAQUE"))
        .append(ical_line("END:VEVENT"));
  }
  out.append(ical_line("END:VCALENDAR"));
  return out;
}

}  // namespace cma::domain
