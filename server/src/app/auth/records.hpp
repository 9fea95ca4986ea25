#pragma once
// The auth module's records: refresh tokens.
#include <cstdint>
#include <string>

#include "app/model.hpp"

namespace cma::app {

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
}  // namespace cma::app
