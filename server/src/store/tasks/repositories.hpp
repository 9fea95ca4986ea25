#pragma once
#include "store/db/registry.hpp"

namespace cma::store::tasks {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::tasks
