#pragma once
// The calendar module's storage.
#include <optional>
#include <string>

#include "app/calendar/records.hpp"
#include "app/tenancy.hpp"

namespace cma::app {

class CalendarFeedRepository {
 public:
  virtual ~CalendarFeedRepository() = default;
  // A feed's token is its own credential: it is looked up before anyone is known, as sign-in finds
  // an account by its e-mail address.
  virtual std::optional<CalendarFeed> find_active_by_hash(const NetworkScope& scope, const std::string& token_hash) = 0;
  virtual std::optional<CalendarFeed> active_for(const CentreScope& scope, const std::string& user_id) = 0;
  virtual void insert(const CalendarFeed& feed) = 0;
  // Revokes every working feed of the user; how many there were.
  virtual long long revoke_all(const CentreScope& scope, const std::string& user_id, const std::string& at) = 0;
};

}  // namespace cma::app
