#pragma once
#include "store/db/registry.hpp"

namespace cma::store::references {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::references
