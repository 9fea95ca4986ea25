#pragma once
#include "store/db/registry.hpp"

namespace cma::store::clients {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::clients
