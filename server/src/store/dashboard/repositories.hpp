#pragma once
#include "store/db/registry.hpp"

namespace cma::store::dashboard {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::dashboard
