#pragma once
#include "store/db/registry.hpp"

namespace cma::store::notifications {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::notifications
