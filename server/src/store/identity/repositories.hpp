#pragma once
#include "store/db/registry.hpp"

namespace cma::store::identity {

// CentreRepository and UserRepository over SOCI.
void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::identity
