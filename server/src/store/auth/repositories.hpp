#pragma once
#include "store/db/registry.hpp"

namespace cma::store::auth {

// RefreshTokenRepository and LoginThrottleRepository over SOCI.
void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::auth
