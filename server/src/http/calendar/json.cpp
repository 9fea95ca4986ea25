#include "http/calendar/json.hpp"

namespace cma::http {

void Json<app::CalendarFeedStatus>::write(JsonWriter& w, const app::CalendarFeedStatus& s) {
  w.begin_object().field("active", s.active).nullable("createdAt", s.created_at).end_object();
}

void Json<app::IssuedCalendarFeed>::write(JsonWriter& w, const app::IssuedCalendarFeed& f) {
  w.begin_object()
      .field("active", true)
      .field("path", "/ical/" + f.token + ".ics")
      .field("createdAt", f.created_at)
      .end_object();
}

}  // namespace cma::http
