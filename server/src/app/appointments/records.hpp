#pragma once
// The appointments module's records.
#include <string>

#include "app/model.hpp"

namespace cma::app {

struct Appointment {
  std::string id;
  std::string centre_id;
  std::string client_id;
  std::string case_id;  // "" when not for a particular case
  std::string adviser_id;
  std::string start_at;  // UTC, the store's fixed-width form
  std::string end_at;
  int duration_minutes = 60;
  std::string mode = "in_person";
  std::string location;
  std::string preparation;
  std::string status = "scheduled";
  std::string outcome;
  std::string follow_up_date;  // a London date, or ""
  std::string created_by;
  std::string created_at;
  std::string updated_at;
};

struct AppointmentQuery {
  std::string centre_id;  // admins: required; others: their own centre
  std::string client_id;
  std::string case_id;
  std::string adviser_id;
  std::string status;
  std::string from;  // UTC, inclusive; "" for no bound
  std::string to;    // UTC, exclusive; "" for no bound
};

}  // namespace cma::app
