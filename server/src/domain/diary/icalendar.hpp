#pragma once
// An iCalendar (RFC 5545) document of appointments, for calendar programs to subscribe to: text
// escaped (backslash, comma, semicolon, line breaks), lines folded at 75 octets without splitting a
// UTF-8 character, CRLF line ends, times in UTC.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cma::domain {

struct CalendarEvent {
  std::string uid;
  std::int64_t start = 0;  // seconds since the epoch, UTC
  std::int64_t end = 0;
  std::int64_t last_modified = 0;
  std::string summary;
  std::string location;     // "" for none
  std::string description;  // "" for none
  bool cancelled = false;
};

std::string render_icalendar(std::string_view calendar_name, std::int64_t now,
                             const std::vector<CalendarEvent>& events);

// TEXT value escaping (RFC 5545 3.3.11).
std::string ical_escape(std::string_view text);
// One content line folded (RFC 5545 3.1), CRLF-terminated.
std::string ical_line(std::string_view line);

}  // namespace cma::domain
