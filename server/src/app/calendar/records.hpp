#pragma once
// The calendar module's records: an adviser's secret feed of their appointments.
#include <string>

namespace cma::app {

struct CalendarFeed {
  std::string id;
  std::string centre_id;
  std::string user_id;
  std::string token_hash;  // SHA-256 of the token, hex; the token itself is never stored
  std::string created_at;
  std::string revoked_at;  // "" while it works
};

// A newly issued feed: the token is shown this once.
struct IssuedCalendarFeed {
  std::string token;
  std::string created_at;
};

struct CalendarFeedStatus {
  bool active = false;
  std::string created_at;  // of the active feed
};

}  // namespace cma::app
