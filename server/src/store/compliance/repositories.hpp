#pragma once
#include "store/db/registry.hpp"

namespace cma::store::compliance {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::compliance
