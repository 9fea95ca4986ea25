#pragma once
// The JSON shapes of a calendar feed's state and of a newly issued feed.
#include "app/calendar/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::CalendarFeedStatus> {
  static void write(JsonWriter& w, const app::CalendarFeedStatus& s);
};

template <>
struct Json<app::IssuedCalendarFeed> {
  // The path holds the secret: shown this once.
  static void write(JsonWriter& w, const app::IssuedCalendarFeed& f);
};

}  // namespace cma::http
