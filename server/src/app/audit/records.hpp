#pragma once
// The audit module's records besides the chain entries (domain/audit): refusal counts.
#include <cstdint>
#include <string>

#include "app/model.hpp"

namespace cma::app {

struct AccessRefusal {
  std::string id;  // UUIDv7 of the minute's first refusal; the keyset cursor
  std::string centre_id;
  std::string user_id;
  std::string action;
  std::string entity_type;
  std::string minute;  // start of the minute, "2026-11-25T03:08:00.000000Z"
  std::int64_t count = 0;
  std::string first_at;
  std::string last_at;
  // Of the latest refusal in the minute:
  std::string last_entity_id;
  std::string last_request_id;
  std::string last_ip;
  std::string last_user_agent;
};

}  // namespace cma::app
