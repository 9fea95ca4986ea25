#pragma once
#include "store/db/registry.hpp"

namespace cma::store::retention {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::retention
