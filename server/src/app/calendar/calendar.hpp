#pragma once
// Each adviser's appointments as an iCalendar feed at a secret URL (/ical/{token}.ics), for Outlook
// or Google Calendar to subscribe to without signing in. Issuing a new URL revokes the old one;
// revoking makes it answer 404. The feed names clients (and gives locations) only when the centre's
// settings say so (`calendarShowsClientNames: true`); otherwise each event is just "Debt advice
// appointment" with its mode.
#include <string>

#include "app/calendar/records.hpp"
#include "app/context.hpp"
#include "app/identity/records.hpp"
#include "domain/result.hpp"

namespace cma::app {

Result<IssuedCalendarFeed> issue_calendar_feed(const Deps& deps, const Actor& actor);
Result<CalendarFeedStatus> revoke_calendar_feed(const Deps& deps, const Actor& actor);
Result<CalendarFeedStatus> calendar_feed_status(const Deps& deps, const Actor& actor);
// The iCalendar text for a token: 404 for a malformed, unknown or revoked token, or one whose
// user or centre is no longer active.
Result<std::string> read_calendar_feed(const Deps& deps, const std::string& token);

// Whether the centre's settings let calendars and reminder e-mails name clients.
bool shows_client_names(const Centre& centre);

// The window a feed covers, from today.
inline constexpr int kFeedDaysBack = 30;
inline constexpr int kFeedDaysAhead = 400;
inline constexpr int kFeedMaxEvents = 1000;

}  // namespace cma::app
