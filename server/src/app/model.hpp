#pragma once
// Records the use cases work with, and who is asking.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/tenancy.hpp"
#include "domain/identity/role.hpp"

namespace cma::app {

inline constexpr const char* kActive = "active";
inline constexpr const char* kInactive = "inactive";

struct Centre {
  std::string id;
  std::string name;
  std::string code;
  std::string address;
  std::string contact_email;
  std::string contact_phone;
  std::string status = kActive;
  std::string settings = "{}";  // a JSON object
  std::string created_at;
  std::string updated_at;
};

struct User {
  std::string id;
  std::string centre_id;
  std::string email;
  std::string first_name;
  std::string last_name;
  domain::Role role = domain::Role::trainee;
  std::string status = kActive;
  std::string password_hash;
  std::string last_login_at;  // "" until the first login
  std::string created_at;
  std::string updated_at;
};

struct RefreshToken {
  std::string id;
  std::string family_id;
  std::string user_id;
  std::string token_hash;
  std::string created_at;
  std::string expires_at;
  std::string family_expires_at;  // no token of the family outlives this, however often it is rotated
  std::string used_at;            // "" while unused
  std::string revoked_at;         // "" while valid
};

// Refused requests (403) of one user, for one action on one entity type, within one minute: a
// count, not a chain entry (see docs/audit.md, "Refused requests").
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

// Where a request comes from; recorded in audit entries.
struct RequestMeta {
  std::string request_id;
  std::string ip;
  std::string user_agent;
};

struct PageRequest {
  int limit = 50;
  std::string after_id;  // keyset: rows strictly after (or, for newest-first lists, before) this id
};

template <class T>
struct Page {
  std::vector<T> items;
  std::string next_cursor;  // "" on the last page
};

}  // namespace cma::app
